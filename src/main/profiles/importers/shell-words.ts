/**
 * Splits one shell command line into words: single quotes, double quotes, backslashes, and
 * line continuations. `$VAR` is kept literally (no expansion). Returns undefined on an
 * unterminated quote.
 */
export function shellWords(line: string): string[] | undefined {
  const words: string[] = []
  let current = ''
  let inWord = false
  let i = 0
  const text = line.replace(/\\\r?\n/g, ' ')
  while (i < text.length) {
    const c = text[i]
    if (c === "'") {
      const end = text.indexOf("'", i + 1)
      if (end < 0) return undefined
      current += text.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (c === '"') {
      i++
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) i++
        current += text[i]
        i++
      }
      if (i >= text.length) return undefined
      inWord = true
      i++
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[i + 1]
      inWord = true
      i += 2
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current)
      current = ''
      inWord = false
      i++
    } else {
      current += c
      inWord = true
      i++
    }
  }
  if (inWord) words.push(current)
  return words
}

/** Quotes a word for a POSIX shell (single quotes). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
