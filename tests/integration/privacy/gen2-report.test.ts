import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { deleteEndpointGateway } from '../../../src/main/ibmcloud/vpc'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { PrivacyReport } from '../../../src/shared/schemas/privacy'
import type { RestrictResult } from '../../../src/shared/schemas/restrictions'
import type { DeployForm } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { startRig, type Rig } from '../../support/wizard/support'

/**
 * Gen 2 end to end in the sandbox, through the contract: the wizard's real steps (deploy, wait,
 * Manager key, VPE, Writer key, test, save) on the emulator's real Gen 2 deployment (TLS with a
 * publicly-trusted-like chain, SNI checked, its name resolving only behind the VPE), then a
 * restriction to the VPC and this computer, then the privacy report: every claim holds.
 */
/** Whether a connection from this loopback source stays open (a restriction in force closes it at once). */
const admitsFrom = (port: number, localAddress: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress })
    const done = (admitted: boolean) => {
      socket.destroy()
      resolve(admitted)
    }
    socket.once('connect', () => setTimeout(() => done(!socket.destroyed && socket.readyState === 'open'), 150))
    socket.once('close', () => done(false))
    socket.once('error', () => done(false))
  })

describe('Gen 2: from an empty account to a restricted instance whose privacy report holds (sandbox)', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  let app: App | undefined
  afterEach(async () => {
    await app?.close()
    await rig?.close()
    app = rig = undefined
  })

  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(app!.handlers, name, input, { signal: new AbortController().signal })
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`)
    return r.value as T
  }

  /** The wizard's real Gen 2 steps, up to a saved private profile. */
  async function gen2Journey(name: string) {
    const started = await startRig(keyring(), { provisioningMs: 300, gatewayMs: 300, taskMs: 100 })
    rig = started
    const job = started.wizard.job
    await job.account({ source: 'environment' })
    await job.checkPrerequisites({ generation: 'gen2', region: 'jp-tok' })
    const options = await job.options()
    await job.deploy({ mode: 'create', form: { ...options.defaults, name } as DeployForm, confirm: true })
    expect((await job.idle()).steps.wait.status).toBe('done')
    await job.createCredentials()
    const connected = await job.fetchConnection({ createSecurityGroup: true })
    await job.createServiceKey()
    expect((await job.test()).tests.private?.ok).toBe(true)
    return { rig: started, job, connected, profileId: (await job.save({})).saved!.privateProfileId! }
  }

  it('outside the VPC (its VPE gateway gone), the test says so plainly and offers the bastion and pod paths', async () => {
    const { rig, job, connected } = await gen2Journey('redis-g2-outside')
    const client = createIbmCloudClient({ apiKey: String(rig.env.IBMCLOUD_API_KEY), env: rig.env, timeoutMs: 5_000 })
    await deleteEndpointGateway(client, 'jp-tok', { id: connected.vpe!.gatewayId, vpcId: connected.vpe!.vpcId }, { pollIntervalMs: 50 })
    const tested = await job.test()
    expect(tested.tests.private).toMatchObject({ ok: false, code: 'dns_not_found' })
    expect(tested.tests.privateUnreachable).toMatchObject({ code: 'dns_not_found' })
    expect(tested.tests.privateUnreachable!.options.map((o) => o.kind)).toEqual(expect.arrayContaining(['bastion', 'pod']))
    expect(tested.steps.test.error).toMatchObject({ code: 'wizard_private_unreachable' })
  }, 120_000)

  it('wizard → restrict (VPC + this computer) → every claim holds; before the restriction only "restricted" fails', async () => {
    const { rig, connected, profileId } = await gen2Journey('redis-g2-proof')

    app = await createApp({ dataDir: rig.dataDir, transport: 'browser', sandbox: false, env: { ...rig.env, PSE_WIZARD_RESTRICT_SETTLE_MS: '500' } })
    const before = await call<PrivacyReport>('privacy.prove', { profileId })
    const verdicts = (r: PrivacyReport) => Object.fromEntries(r.claims.map((c) => [c.id, c.verdict]))
    expect(verdicts(before), JSON.stringify(before.claims, null, 1)).toEqual({
      endpoints: 'holds',
      no_public_answer: 'holds',
      restricted: 'fails',
      reachable: 'holds',
      credentials: 'holds'
    })

    const vpcs = await call<{ vpcs: Array<{ crn: string; name: string }> }>('restrictions.vpcs', { profileId })
    expect(vpcs.vpcs.map((v) => v.name)).toEqual(['sandbox-vpc'])
    expect(connected.vpe?.vpcId).toBeTruthy()
    // The VPC alone: this computer (127.0.0.1, reaching the VPE from outside the VPC) is locked out, so it is put back.
    const vpcOnly = await dispatch(app.handlers, 'restrictions.apply', { profileId, vpcs: ['sandbox-vpc'] }, { signal: new AbortController().signal })
    expect(vpcOnly.ok).toBe(false)
    expect(!vpcOnly.ok && vpcOnly.error).toMatchObject({ code: 'restrict_would_lock_out', params: { missing: '127.0.0.1' } })
    const restricted = await call<RestrictResult>('restrictions.apply', { profileId, vpcs: [vpcs.vpcs[0].crn], addresses: ['127.0.0.1'] })
    expect(restricted).toMatchObject({ outcome: 'applied', check: { ok: true } })
    // In force on the Gen 2 deployment itself: another loopback source is cut off.
    const profile = await rig.profiles.get(profileId)
    expect(await admitsFrom(profile.port, '127.0.0.1')).toBe(true)
    expect(await admitsFrom(profile.port, '127.0.0.2')).toBe(false)

    const after = await call<PrivacyReport>('privacy.prove', { profileId })
    expect(verdicts(after), JSON.stringify(after.claims, null, 1)).toEqual({
      endpoints: 'holds',
      no_public_answer: 'holds',
      restricted: 'holds',
      reachable: 'holds',
      credentials: 'holds'
    })
    expect(after.verdict).toBe('holds')
    expect(after.instance).toMatchObject({ generation: 'gen2' })
  }, 120_000)
})
