import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findKubeTool, kubeEnv, runKube, type KubeTool } from '../../../../src/main/network/kube-tool'

/**
 * Stand-ins for kubectl written as tiny shell scripts: one that leaves a long-lived child holding
 * its stdout, one that prints megabytes. Only POSIX (process groups); the app's Windows path
 * kills the tool alone.
 */
let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-kube-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

async function standIn(body: string, name = 'kubectl'): Promise<string> {
  const file = path.join(dir, name)
  await fs.writeFile(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 })
  return file
}

const tool = (binary: string): KubeTool => ({ name: 'kubectl', binary, namespace: 'team-a', env: { PATH: process.env.PATH } })

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // A zombie waiting for its reaper is gone too.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!alive(pid)) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}

const posix = process.platform !== 'win32'

describe.runIf(posix)('runKube stops everything kubectl started', () => {
  it('settles at the timeout although a grandchild still holds stdout, and kills that grandchild', async () => {
    const pidFile = path.join(dir, 'grandchild.pid')
    const bin = await standIn(`sleep 60 &\necho $! > '${pidFile}'\necho started\nexit 0`)
    await expect(runKube(tool(bin), ['get', 'pods'], { timeoutMs: 300 })).rejects.toMatchObject({ code: 'pod_timeout' })
    const pid = Number(await fs.readFile(pidFile, 'utf8'))
    expect(await waitGone(pid)).toBe(true)
  })

  it('settles on cancel while kubectl and its child still run, and kills both', async () => {
    const pidFile = path.join(dir, 'pids')
    const bin = await standIn(`sleep 60 &\necho "$$ $!" > '${pidFile}'\nwait`)
    const controller = new AbortController()
    const running = runKube(tool(bin), ['get', 'pods'], { timeoutMs: 60_000, signal: controller.signal })
    for (let i = 0; i < 200 && !(await fs.readFile(pidFile, 'utf8').catch(() => '')).includes(' '); i++) await new Promise((r) => setTimeout(r, 10))
    controller.abort()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    const pids = (await fs.readFile(pidFile, 'utf8')).trim().split(' ').map(Number)
    for (const pid of pids) expect(await waitGone(pid)).toBe(true)
  })

  it('refuses output beyond its limit instead of holding megabytes', async () => {
    const bin = await standIn(`head -c 10000000 /dev/zero | tr '\\0' a\nexit 0`)
    await expect(runKube(tool(bin), ['logs', 'p'], { timeoutMs: 30_000 })).rejects.toMatchObject({ code: 'pod_tool_output_too_large' })
  })

  it('still returns normal output and explains normal errors', async () => {
    const ok = await standIn(`echo '{"kind":"Pod"}'`)
    await expect(runKube(tool(ok), ['get', 'pod', 'p'], { timeoutMs: 10_000 })).resolves.toBe('{"kind":"Pod"}\n')
    const denied = await standIn(`echo 'error: You must be logged in to the server (Unauthorized)' >&2\nexit 1`, 'oc')
    await expect(runKube(tool(denied), ['get', 'pod', 'p'], { timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'pod_not_logged_in' })
  })
})

describe('findKubeTool', () => {
  it('ignores relative PATH entries: a kubectl in the current folder is never picked up', async () => {
    await standIn('exit 0')
    const relative = path.relative(process.cwd(), dir)
    expect(path.isAbsolute(relative)).toBe(false)
    expect(() => findKubeTool('kubectl', undefined, { PATH: relative })).toThrow(expect.objectContaining({ code: 'pod_tool_not_found' }))
    expect(() => findKubeTool('kubectl', undefined, { PATH: ['.', relative].join(path.delimiter) })).toThrow(
      expect.objectContaining({ code: 'pod_tool_not_found' })
    )
    expect(findKubeTool('kubectl', undefined, { PATH: dir })).toBe(path.join(dir, 'kubectl'))
  })
})

describe('kubeEnv: the allowlist has no test-only entries', () => {
  it('drops FAKE_KUBECTL_* (the stand-in reads its knobs from the KUBECONFIG file) and keeps KUBECONFIG', () => {
    const env = kubeEnv({ PATH: '/usr/bin', KUBECONFIG: '/k/config', FAKE_KUBECTL_EXEC: '1', FAKE_KUBECTL_STATE: '/tmp/s', FAKE_KUBECTL_SCENARIO: 'ok' })
    expect(env).toEqual({ PATH: '/usr/bin', KUBECONFIG: '/k/config' })
  })
})
