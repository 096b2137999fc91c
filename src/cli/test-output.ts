import type { ProbePhase, ProbeResult } from '../shared/schemas/probe'
import { phaseText, type Translate } from '../shared/i18n/probe-notes/render'
import { printable } from './printable'
import { catalogueText } from '../shared/said-text'

/**
 * What `pse-wizard test` prints, in the language of `t`: one line per phase, then the verdict and
 * what to do. The words come from the shared catalogue (src/shared/i18n), as in the UI.
 */
export function formatResult(result: ProbeResult, t: Translate): string {
  const endpoint = `${result.target.host}:${result.target.port}`
  const via = result.target.connectedTo ? ` ${t('cliTest.via', { connectedTo: result.target.connectedTo })}` : ''
  const lines = [t(result.target.tls ? 'cliTest.testingTls' : 'cliTest.testingPlain', { endpoint }) + via, '']
  const label = (p: ProbePhase) => phaseLabel(t, p.name)
  const width = Math.max(0, ...result.phases.map((p) => displayWidth(label(p))))
  for (const p of result.phases) {
    const mark = p.skipped ? ' -- ' : p.ok ? ' ok ' : 'FAIL'
    const name = label(p) + ' '.repeat(width - displayWidth(label(p)))
    lines.push(`[${mark}] ${name} ${p.skipped ? '' : `${p.ms.toFixed(1).padStart(8)} ms  `}${phaseText(t, p)}`)
  }
  lines.push('')
  if (result.ok) lines.push(t('cliTest.passed', { summary: summary(result, t) }))
  else lines.push(t('cliTest.failed', { code: result.code ?? '', title: failureTitle(result, t) }), t('cliTest.advice', { advice: failureAdvice(result, t) }))
  // Phase details quote the server (error replies, INFO fields): never let them drive the terminal.
  return printable(lines.join('\n')) + '\n'
}

/**
 * --json: the result as main returned it (codes, parameters, English detail and message), plus
 * the language chosen and, for each phase and for the result, the message in that language.
 */
export function localizedResult(result: ProbeResult, t: Translate, lang: string) {
  return {
    ...result,
    lang,
    localized: result.ok ? { title: t('common.timeline.passed'), message: summary(result, t) } : { title: failureTitle(result, t), message: failureAdvice(result, t) },
    phases: result.phases.map((p) => ({ ...p, message: phaseText(t, p) }))
  }
}

/**
 * A failure before the test ran (an unreadable saved password, a bastion that refused…): its own
 * words from the catalogue (saidText: params.say, errors.<code>), else the catalogue's advice for
 * its code (common.probe), filled with its parameters, else main's message; the title is
 * common.probe's for its code, when it has one.
 */
export function appFailureWords(t: Translate, e: { code: string; message: string; params?: Record<string, string | number | boolean> }) {
  const missing = '\u0000'
  const titled = t(`common.probe.${e.code}.title`, { defaultValue: missing })
  const title = titled === missing ? null : titled
  const said = catalogueText(t, e)
  if (said !== undefined) return { title, message: said }
  const advice = t(`common.probe.${e.code}.advice`, { ...e.params, defaultValue: missing })
  // A text that needs a parameter this failure does not carry (i18next leaves {{host}} as it is): main's words.
  if (advice === missing || advice.includes('{{')) return { title: null, message: e.message }
  return { title, message: advice }
}

const phaseLabel = (t: Translate, name: string) => t(`common.timeline.phases.${name}`, { defaultValue: name })

export function failureTitle(result: ProbeResult, t: Translate): string {
  return result.code ? t(`common.probe.${result.code}.title`, { defaultValue: result.code }) : result.message
}

/** What to do, with the tested endpoint filled in; main's own (English) message for a code the catalogue lacks. */
export function failureAdvice(result: ProbeResult, t: Translate): string {
  if (!result.code) return result.message
  const { host, port, servername } = result.target
  return t(`common.probe.${result.code}.advice`, { host, port, servername: servername ?? host, defaultValue: result.message })
}

function summary(result: ProbeResult, t: Translate): string {
  const parts = [t('cliTest.summary.connected', { endpoint: `${result.target.host}:${result.target.port}` })]
  if (result.tls) {
    const protocol = result.tls.protocol ?? 'TLS'
    parts.push(t(result.tls.verified && result.tls.hostnameVerified ? 'cliTest.summary.tlsVerified' : 'cliTest.summary.tlsInsecure', { protocol }))
  }
  if (result.ping) parts.push(t('cliTest.summary.ping', { p50: result.ping.p50 }))
  if (result.write?.readOnly) parts.push(t('cliTest.summary.readOnly'))
  if (result.server?.version) parts.push(t('cliTest.summary.redis', { version: result.server.version }))
  return parts.join(t('probeNotes.join.list')) + t('cliTest.summary.end')
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1
  return width
}
