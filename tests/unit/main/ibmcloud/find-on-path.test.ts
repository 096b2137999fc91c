import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findIbmcloud } from '../../../../src/main/ibmcloud/cli-runner'
import { findExecutable } from '../../../../src/main/util/find-executable'

/** Programs are looked up in absolute PATH folders only: "." (or a relative entry) would run whatever lies in the current folder. */
describe('programs found on PATH', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'find-on-path-'))
  for (const name of ['ibmcloud', 'redis-server']) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const relative = path.relative(process.cwd(), dir)

  it('skips relative PATH entries', () => {
    expect(path.isAbsolute(relative)).toBe(false)
    expect(findIbmcloud({ env: { PATH: relative } })).toBeUndefined()
    expect(findExecutable('redis-server', { PATH: relative })).toBeUndefined()
  })

  it('finds them in absolute entries', () => {
    expect(findIbmcloud({ env: { PATH: [relative, dir].join(path.delimiter) } })).toBe(path.join(dir, 'ibmcloud'))
    expect(findExecutable('redis-server', { PATH: dir })).toBe(path.join(dir, 'redis-server'))
  })
})
