import { createElement, type FunctionComponent } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import i18next from 'i18next'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../../../../src/shared/i18n/en'
import { ja } from '../../../../src/shared/i18n/ja'
import type { ProbeResult } from '../../../../src/shared/schemas/probe'
import { probeNote } from '../../../../src/shared/schemas/probe-notes'

/** The timeline words each phase from its notes in the UI's language; a phase without notes keeps main's line. */
const result: ProbeResult = {
  ok: false,
  code: 'tls_hostname_mismatch',
  message: "The server's certificate is not valid for db.example.",
  startedAt: '2026-12-04T00:00:00.000Z',
  totalMs: 12,
  target: { host: 'db.example', port: 6380, tls: true, servername: 'db.example', connectedTo: null },
  phases: [
    { name: 'ssh_connect', ok: true, ms: 3, detail: 'root@bastion:22' },
    {
      name: 'dns',
      ok: true,
      ms: 1,
      detail: 'db.example → 10.0.0.7 (private network (RFC 1918))',
      notes: [probeNote('dns.resolved', { host: 'db.example', addresses: ['10.0.0.7'], addressClass: 'private' })]
    },
    {
      name: 'tls',
      ok: false,
      ms: 8,
      detail: 'The certificate does not cover db.example; it names DNS:other.example.',
      notes: [probeNote('tls.hostname_mismatch', { servername: 'db.example', names: ['DNS:other.example', 'DNS:third.example'] })]
    },
    { name: 'auth', ok: true, ms: 0, detail: 'Not run: an earlier phase failed.', notes: [probeNote('phase.not_run', {})], skipped: true }
  ],
  dns: { addresses: ['10.0.0.7'], classification: 'private', classes: [{ address: '10.0.0.7', class: 'private' }] },
  tls: null,
  ping: null,
  write: null,
  server: null
}

/** Loaded by path: the tests' type-check (tsconfig.node.json) has no JSX; vitest compiles the .tsx itself. */
const TIMELINE = '../../../../src/renderer/src/components/ProbeTimeline'

async function render(language: 'en' | 'ja'): Promise<string> {
  const { ProbeTimeline } = (await import(TIMELINE)) as { ProbeTimeline: FunctionComponent<{ result: ProbeResult }> }
  const i18n = i18next.createInstance()
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: language, interpolation: { escapeValue: false } })
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ProbeTimeline, { result })))
}

describe('ProbeTimeline in the UI language', () => {
  it('Japanese: the notes worded in Japanese, lists joined with 、', async () => {
    const html = await render('ja')
    expect(html).toContain('db.example → 10.0.0.7（プライベート・ネットワーク（RFC 1918））。')
    expect(html).toContain('証明書は db.example を対象としていません。証明書に記載された名前：DNS:other.example、DNS:third.example。')
    expect(html).toContain('未実行：前のフェーズが失敗しました。')
    expect(html).not.toContain('The certificate does not cover')
    expect(html).not.toContain('Not run')
    // A phase main sent without notes (a bastion phase) keeps its own line.
    expect(html).toContain('root@bastion:22')
  })

  it('English: the same notes in English', async () => {
    const html = await render('en')
    expect(html).toContain('The certificate does not cover db.example; it names DNS:other.example, DNS:third.example.')
    expect(html).toContain('Not run: an earlier phase failed.')
  })
})
