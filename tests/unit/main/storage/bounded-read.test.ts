import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileBounded, readStreamBounded } from '../../../../src/main/storage/bounded-read'
import { readFileIfExists } from '../../../../src/main/storage/atomic-file'
import { runCli } from '../../../../src/cli/main'

let dir: string
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bounded-read-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('bounded reads', () => {
  it('reads a file within the limit, and refuses one over it with file_too_large', async () => {
    const file = path.join(dir, 'small.txt')
    await fs.writeFile(file, 'héllo')
    expect(await readFileBounded(file, 6)).toBe('héllo')
    await expect(readFileBounded(file, 5)).rejects.toMatchObject({ code: 'file_too_large' })
  })

  it('stops reading a device that never ends (/dev/zero) at the limit', async () => {
    await expect(readFileBounded('/dev/zero', 1024 * 1024)).rejects.toMatchObject({ code: 'file_too_large' })
  })

  it('stops reading a stream at the limit', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(64 * 1024, 0x61)
    }
    await expect(readStreamBounded(Readable.from(endless()), 1024 * 1024)).rejects.toMatchObject({ code: 'file_too_large' })
    expect(await readStreamBounded(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 3)).toBe('abc')
  })

  it('readFileIfExists: undefined when missing, file_too_large past its limit', async () => {
    expect(await readFileIfExists(path.join(dir, 'missing.json'))).toBeUndefined()
    const file = path.join(dir, 'data.json')
    await fs.writeFile(file, '{"a":1}')
    expect(await readFileIfExists(file)).toBe('{"a":1}')
    await expect(readFileIfExists(file, 3)).rejects.toMatchObject({ code: 'file_too_large' })
  })
})

describe('the CLI reads named files with a limit', () => {
  const run = async (...argv: string[]) => {
    let stderr = ''
    const code = await runCli(argv, { stdout: () => undefined, stderr: (t) => (stderr += t), env: { PSE_WIZARD_HOME: dir }, signal: new AbortController().signal })
    return { code, stderr }
  }

  it('profiles import /dev/zero fails at once as a usage error', async () => {
    const { code, stderr } = await run('profiles', 'import', '/dev/zero')
    expect(code).toBe(2)
    expect(stderr).toContain('larger than 256 KiB')
  })

  it('profiles add --ca /dev/zero and test --ca /dev/zero fail at once as usage errors', async () => {
    const add = await run('profiles', 'add', '--url', 'rediss://127.0.0.1:6380/0', '--ca', '/dev/zero')
    expect(add.code).toBe(2)
    expect(add.stderr).toContain('larger than 1 MiB')
    const test = await run('test', '--url', 'rediss://127.0.0.1:6380/0', '--ca', '/dev/zero')
    expect(test.code).toBe(2)
    expect(test.stderr).toContain('larger than 1 MiB')
  })
})
