/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

/**
 * What a person sees on a screen, checked for two faults of a translated UI:
 * - English sentences (3+ Latin-script words in a row) in the Japanese UI, outside what stays as
 *   written: code, commands, hosts, URLs, CRNs, error codes, IBM's product names (docs/glossary.md)
 *   and the service's own words quoted as such (「…」, “…”, "…");
 * - text elements whose content is wider than their box (clipped or spilling over its neighbour).
 */
export interface ScanFindings {
  english: string[]
  overflow: string[]
}

/** Elements whose text is verbatim by nature: never read for sentences. */
const verbatim = 'code, pre, kbd, samp, script, style, noscript, textarea, input, select, .cds--snippet, [data-verbatim]'

interface TextPiece {
  text: string
  where: string
}

/** Visible text of the page, one piece per block (its inline children joined), skipping verbatim elements. */
function collectText(page: Page): Promise<TextPiece[]> {
  return page.evaluate((skip) => {
    const pieces = new Map<Element, string[]>()
    const blockOf = (el: Element): Element => {
      let at: Element | null = el
      while (at && at !== document.body && getComputedStyle(at).display.startsWith('inline')) at = at.parentElement
      return at ?? document.body
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent ?? ''
      if (!parent || !text.trim() || parent.closest(skip)) continue
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      if (parent.closest('.cds--visually-hidden, .cds--assistive-text')) continue
      const block = blockOf(parent)
      pieces.set(block, [...(pieces.get(block) ?? []), text])
    }
    return Array.from(pieces, ([el, texts]) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
      return { text: texts.join('').replace(/\s+/g, ' ').trim(), where: `${el.tagName.toLowerCase()}${id ? ` in ${id}` : ''}` }
    })
  }, verbatim)
}

/** Text elements (not scroll containers, not inline boxes) whose content is wider than their box. */
function collectOverflow(page: Page): Promise<string[]> {
  return page.evaluate((skip) => {
    const found: string[] = []
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
      if (!hasText || el.closest(skip + ', svg')) continue
      const style = getComputedStyle(el)
      if (style.display.startsWith('inline') && style.display !== 'inline-block' && style.display !== 'inline-flex') continue
      if (['auto', 'scroll'].includes(style.overflowX) || !el.checkVisibility({ visibilityProperty: true })) continue
      // A screen-reader-only text (a 1px box by design) is not shown, so it cannot be clipped.
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || el.scrollWidth <= el.clientWidth + 1) continue
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
      found.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}${id ? ` in ${id}` : ''} (${el.scrollWidth} > ${el.clientWidth}): ${(el.textContent ?? '').trim().slice(0, 70)}`)
    }
    return found
  }, 'code, pre, .cds--snippet, textarea, input, select')
}

/** Product and feature names IBM keeps in Latin script in its Japanese documentation. */
export function glossaryNames(): string[] {
  const file = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'glossary.md'), 'utf8')
  const names: string[] = []
  for (const line of file.split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    if (cells.length < 4 || !/[A-Za-z]/.test(cells[2] ?? '')) continue
    for (const cell of [cells[1], cells[2]]) for (const name of cell.split(/[()/]/)) if (/^[A-Za-z][\w .-]+$/.test(name.trim())) names.push(name.trim())
  }
  // Names the app shows that the glossary lists only inside longer ones, and the app's own name.
  return [...names, 'Databases for Redis', 'Cloud Databases', 'IBM Cloud', 'Resource Controller', 'Global Catalog', 'PSE Wizard', 'Redis']
}

/** The sentence-shaped runs of Latin words left once verbatim tokens and names are taken out. */
export function englishRuns(text: string, names: readonly string[]): string[] {
  let rest = text
    .replace(/「[^」]*」|“[^”]*”|"[^"]*"|‘[^’]*’|『[^』]*』/g, ' ') // the service's own words, quoted
    .replace(/\b(?:https?|rediss?|ssh):\/\/\S+/g, ' ') // URLs
    .replace(/\bcrn:\S+/g, ' ')
    .replace(/\b[\w-]+(?:\.[\w-]+)+\b/g, ' ') // hosts, versions, file names
    .replace(/\b\w+_\w+\b/g, ' ') // codes such as tls_hostname_mismatch
    .replace(/(?:^|\s)(?:--?|\/|~\/|\$)\S*/g, ' ') // options, paths, shell variables
    .replace(/\b(?:ibmcloud|pse-wizard|redis-cli|kubectl)(?: [\w:=,.@/$'"-]+)*/g, ' ') // commands
  for (const name of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ')
  const runs = rest.match(/[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g) ?? []
  // A sentence has lower-case words: an all-capitals run is an acronym list (TLS, SNI, VRF).
  return runs.filter((r) => /\b[a-z]{2,}\b/.test(r))
}

export interface ScanOptions {
  /** Named, commented exceptions the caller accepts (substrings of the finding). */
  knownEnglish?: readonly string[]
  knownOverflow?: readonly string[]
}

/** Scans what the page shows now; `english` only makes sense in the Japanese UI. */
export async function scanScreen(page: Page, options: ScanOptions = {}): Promise<ScanFindings> {
  const names = glossaryNames()
  const english: string[] = []
  for (const piece of await collectText(page))
    for (const run of englishRuns(piece.text, names))
      if (!options.knownEnglish?.some((k) => piece.text.includes(k))) english.push(`${piece.where}: "${run}" in "${piece.text.slice(0, 160)}"`)
  const overflow = (await collectOverflow(page)).filter((o) => !options.knownOverflow?.some((k) => o.includes(k)))
  return { english, overflow }
}
