import type { Claim, PrivacyReport } from '../schemas/privacy'
import { claimTitle, evidenceText, fixText, instanceText, vantageText, verdictText, type Translate } from './words'

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const STYLE = `
:root{color-scheme:light dark;--ok:#198038;--bad:#da1e28;--unk:#8a3ffc;--fg:#161616;--muted:#525252;--bg:#fff;--line:#e0e0e0}
@media (prefers-color-scheme:dark){:root{--ok:#42be65;--bad:#ff8389;--unk:#be95ff;--fg:#f4f4f4;--muted:#c6c6c6;--bg:#161616;--line:#393939}}
body{font-family:"IBM Plex Sans","Noto Sans CJK JP","Hiragino Sans",system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-weight:400;font-size:2rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:0;display:flex;gap:.75rem;align-items:center}
.meta{color:var(--muted);margin:0 0 1.5rem}.meta dt{font-weight:600;display:inline}.meta dd{display:inline;margin:0 1rem 0 .25rem}
.overall,.claim{border:1px solid var(--line);border-left:6px solid var(--unk);padding:1rem 1.25rem;margin:0 0 1rem}
.holds{border-left-color:var(--ok)}.fails{border-left-color:var(--bad)}
.tag{font-size:.8rem;font-weight:600;padding:.1rem .5rem;border-radius:1rem;color:var(--bg);background:var(--unk);white-space:nowrap}
.tag.holds{background:var(--ok)}.tag.fails{background:var(--bad)}
ul{margin:.5rem 0;padding-left:1.25rem;overflow-wrap:anywhere}pre{background:rgba(127,127,127,.12);padding:.5rem .75rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.timeline{display:flex;gap:2px;margin:.75rem 0 .25rem;height:1.75rem}.phase{background:var(--ok);color:#fff;font-size:.7rem;padding:0 .25rem;overflow:hidden;white-space:nowrap;min-width:2.5rem;display:flex;align-items:center}
.phase.failed{background:var(--bad)}.phase.skipped{background:var(--line);color:var(--muted)}
`

function timeline(t: Translate, c: Claim): string {
  if (!c.timeline?.length) return ''
  const total = c.timeline.reduce((sum, p) => sum + Math.max(p.ms, 1), 0)
  const cells = c.timeline
    .map((p) => {
      const cls = p.skipped ? 'skipped' : p.ok ? '' : 'failed'
      const label = `${p.name} ${p.skipped ? '–' : `${p.ms.toFixed(p.ms < 10 ? 1 : 0)} ms`}`
      return `<div class="phase ${cls}" style="flex:${(Math.max(p.ms, 1) / total).toFixed(4)}" title="${escape(label)}">${escape(label)}</div>`
    })
    .join('')
  return `<p>${escape(t('privacy.timelineLabel'))}</p><div class="timeline" role="img" aria-label="${escape(t('privacy.timelineLabel'))}">${cells}</div>`
}

function claimSection(t: Translate, c: Claim): string {
  const items = c.evidence.map((e) => `<li>${escape(evidenceText(t, e))}</li>`).join('')
  const fix = c.fix
    ? `<h3>${escape(t('privacy.fixLabel'))}</h3><p>${escape(fixText(t, c.fix))}</p>${c.fix.commands.length ? `<pre>${c.fix.commands.map((cmd) => `$ ${escape(cmd)}`).join('\n')}</pre>` : ''}`
    : ''
  return `<section class="claim ${c.verdict}" id="${c.id}"><h2><span class="tag ${c.verdict}">${escape(verdictText(t, c.verdict))}</span>${escape(claimTitle(t, c))}</h2><ul>${items}</ul>${timeline(t, c)}${fix}</section>`
}

/** The report as one self-contained HTML page: no script, no external file, styles inline, every value escaped. */
export function reportHtml(report: PrivacyReport, t: Translate, language: string): string {
  const title = `${t('privacy.title')}: ${instanceText(report)}`
  const meta = [
    [t('privacy.instance'), `${instanceText(report)} ${report.instance.crn}`],
    [t('privacy.profile'), report.profile?.name ?? t('privacy.noProfile')],
    [t('privacy.vantageLabel'), vantageText(t, report.vantage)]
  ]
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
    .join('')
  return `<!doctype html>
<html lang="${escape(language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escape(title)}</h1>
<p class="meta">${escape(t('privacy.generatedAt', { date: report.generatedAt }))}</p>
<dl class="meta">${meta}</dl>
<section class="overall ${report.verdict}"><h2><span class="tag ${report.verdict}">${escape(verdictText(t, report.verdict))}</span>${escape(t(`privacy.overall.${report.verdict}`))}</h2></section>
${report.claims.map((c) => claimSection(t, c)).join('\n')}
</main></body></html>
`
}
