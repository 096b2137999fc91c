/** The printed table: one row per figure, with its goal and whether it was met. */
export interface Row {
  item: string
  measure: string
  result: string
  goal?: string
  /** undefined: no goal for this row. */
  met?: boolean
}

const cell = (s: string) => s.replace(/\|/g, '\\|')

export function markdownTable(rows: Row[]): string {
  const lines = ['| # | Measure | Result | Goal | Met |', '|---|---|---|---|---|']
  for (const r of rows) lines.push(`| ${r.item} | ${cell(r.measure)} | ${cell(r.result)} | ${cell(r.goal ?? '')} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`)
  return lines.join('\n')
}

export const ms = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`)
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
export const times = (r: number) => `${r.toFixed(2)}×`
