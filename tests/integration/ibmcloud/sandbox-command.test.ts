import { describe, expect, it } from 'vitest'
import { sandboxCommand } from '../../../src/cli/commands/sandbox'
import { UsageError } from '../../../src/cli/command'

describe('pse-wizard sandbox', () => {
  it('prints variables that reach a working emulator, honours its flags, and stops on Ctrl-C', async () => {
    const ac = new AbortController()
    let stdout = ''
    let resolveOut: () => void
    const printed = new Promise<void>((r) => (resolveOut = r))
    const running = sandboxCommand.run(['--json', '--redis', 'fake', '--vrf', 'off', '--fault', 'rm.groups.list:server_error:1'], {
      stdout: (t) => {
        stdout += t
        resolveOut()
      },
      stderr: () => undefined,
      env: {},
      signal: ac.signal
    })
    await printed
    const { env, controlUrl, controlToken } = JSON.parse(stdout) as { env: Record<string, string>; controlUrl: string; controlToken: string }
    const token = (await (await fetch(`${env.IBMCLOUD_IAM_API_ENDPOINT}/identity/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: env.IBMCLOUD_API_KEY }) })).json()) as { access_token: string }
    const auth = { authorization: `Bearer ${token.access_token}` }
    expect((await fetch(`${env.IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT}/v2/resource_groups`, { headers: auth })).status).toBe(500)
    expect((await fetch(`${env.IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT}/v2/resource_groups`, { headers: auth })).status).toBe(200)
    const account = (await (await fetch(`${env.PSE_SANDBOX_URL}/sandbox/account`, { headers: auth })).json()) as { vrf_enabled: boolean }
    expect(account.vrf_enabled).toBe(false)
    // The control route needs its token.
    expect((await fetch(controlUrl, { method: 'POST', body: '{}' })).status).toBe(401)
    expect((await fetch(controlUrl, { method: 'POST', headers: { authorization: `Bearer ${controlToken}` }, body: '{"account":{"vrfEnabled":true}}' })).status).toBe(200)
    ac.abort()
    expect(await running).toBe(0)
    await expect(fetch(`${env.PSE_SANDBOX_URL}/sandbox/cli`)).rejects.toThrow()
  })

  it('usage errors', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, env: {}, signal: new AbortController().signal }
    await expect(sandboxCommand.run(['--vrf', 'maybe'], io)).rejects.toBeInstanceOf(UsageError)
    await expect(sandboxCommand.run(['--fault', 'nope:server_error'], io)).rejects.toBeInstanceOf(UsageError)
  })
})
