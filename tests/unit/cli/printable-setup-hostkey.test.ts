import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { human, report } from '../../../src/cli/commands/setup'
import { printable } from '../../../src/cli/printable'
import type { WizardState } from '../../../src/shared/schemas/wizard'
import i18next from 'i18next'
import { translatorFor } from '../../../src/cli/locale'
import { en } from '../../../src/shared/i18n/en'
import { ja } from '../../../src/shared/i18n/ja'

const ESC = '\u001b'
const hostile = `evil${ESC}]0;owned\u0007\u202etxt`

describe('human output that quotes outside text cannot drive the terminal', () => {
  it.each([
    ['en', en],
    ['ja', ja]
  ] as const)('pse-wizard setup (%s): progress lines and the final report', (lang, catalogue) => {
    const t = translatorFor(i18next, lang, catalogue)
    const line = human({ step: 'deploy', index: 3, status: 'failed', error: { code: 'rc_failed', message: hostile } }, t)
    const printed: string[] = []
    // The report reads where the setup stopped and the private endpoint's diagnosis.
    const state = { current: 'deploy', tests: { privateUnreachable: null } } as unknown as WizardState
    report({ ok: false, state, error: { code: 'rc_failed', message: hostile, detail: hostile } }, (_obj, text) => printed.push(printable(text)), t)
    for (const text of [printable(line), ...printed]) {
      expect(text).not.toContain(ESC)
      expect(text).not.toContain('\u202e')
      expect(text).toContain('\\u001b')
    }
  })

  it('pse-wizard hostkey list: a tampered pin file prints as text', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-hk-print-'))
    try {
      const pin = { keyType: hostile, fingerprint: `SHA256:${'a'.repeat(43)}`, acceptedAt: '2026-01-01T00:00:00.000Z' }
      await fs.writeFile(path.join(home, 'ssh-known-hosts.json'), JSON.stringify({ version: 1, hosts: { '[bastion.example]:2222': pin } }))
      let stdout = ''
      const code = await runCli(['hostkey', 'list'], {
        stdout: (t) => (stdout += t),
        stderr: () => undefined,
        env: { PSE_WIZARD_HOME: home },
        signal: new AbortController().signal
      })
      expect(code).toBe(0)
      expect(stdout).toContain('[bastion.example]:2222')
      expect(stdout).not.toContain(ESC)
      expect(stdout).toContain('\\u001b]0;owned')
    } finally {
      await fs.rm(home, { recursive: true, force: true })
    }
  })
})
