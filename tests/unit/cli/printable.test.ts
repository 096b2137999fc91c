import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { formatResult } from '../../../src/cli/test-output'
import { cliTranslator } from '../../support/cli/translator'
import { formatReport } from '../../../src/cli/commands/check'
import { printable } from '../../../src/cli/printable'
import { createProfilesService } from '../../../src/main/profiles'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../src/shared/schemas/probe'

const ESC = '\u001b'
const hostile = `${ESC}]0;pwned${ESC}\\${ESC}[2J\rfake OK\u202Egnp.exe`

describe('what the CLI prints for people cannot drive the terminal', () => {
  it('printable shows control characters and bidi overrides as \\uXXXX, keeps text, tabs and newlines', () => {
    expect(printable('a\tb\nc — 日本語')).toBe('a\tb\nc — 日本語')
    const shown = printable(hostile)
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(shown).toContain('\\u001b]0;pwned')
  })

  it('test: phase details and messages that quote a server are made printable', () => {
    const result: ProbeResult = {
      ok: false,
      code: 'unexpected_reply',
      message: `The server answered ${hostile}`,
      startedAt: new Date().toISOString(),
      totalMs: 1,
      target: { host: 'h.example', port: 6379, tls: false, servername: null, connectedTo: null },
      phases: [{ name: 'auth', ok: false, ms: 1, detail: `Authentication failed: ${hostile}` }],
      dns: { addresses: [], classification: null, classes: [] },
      tls: null,
      ping: null,
      write: null,
      server: null
    }
    expect(formatResult(result, cliTranslator('en'))).not.toContain(ESC)
    expect(formatResult(result, cliTranslator('ja'))).not.toContain(ESC)
  })

  it('check: details quoting IBM Cloud or the CLI are made printable', () => {
    const report = { ok: false, sandbox: false, items: [{ id: 'account' as const, ok: true, label: 'IBM Cloud account', detail: hostile }] }
    for (const language of ['en', 'ja'] as const) expect(formatReport(report, { generation: 'gen1' }, cliTranslator(language))).not.toContain(ESC)
  })

  describe('profiles list / show with a name from an imported file', () => {
    let home: string
    beforeAll(async () => {
      home = await fs.mkdtemp(path.join(os.tmpdir(), 'printable-'))
      // Typed names with control characters are refused now; a profiles.json written before that
      // check (or by hand) can still hold one, so the name goes into the file directly.
      await createProfilesService(home, {}).create(defaultProfileFields({ name: 'evil-placeholder', host: 'h.example' }))
      const file = path.join(home, 'profiles.json')
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"evil-placeholder"', JSON.stringify(`evil${hostile}`)))
    })
    afterAll(() => fs.rm(home, { recursive: true, force: true }))

    it('prints the name escaped', async () => {
      const listed = await capture(['profiles', 'list'], home)
      // The saved name is cleaned on load: what was an ESC is a space.
      expect(listed).toContain('evil ]0;pwned')
      expect(listed).not.toContain(ESC)
      const id = JSON.parse(await capture(['profiles', 'list', '--json'], home)).profiles[0].id as string
      const shown = await capture(['profiles', 'show', id], home)
      expect(shown).toContain('evil ]0;pwned')
      expect(shown).not.toContain(ESC)
    })
  })
})

async function capture(argv: string[], home: string): Promise<string> {
  let out = ''
  await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (out += t), env: { PSE_WIZARD_HOME: home }, signal: new AbortController().signal })
  return out
}
