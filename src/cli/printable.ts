/**
 * Text for a terminal: control characters (ESC sequences that move the cursor, rewrite the title
 * or the clipboard, carriage returns that overwrite a line), line/paragraph separators and
 * bidirectional overrides are shown as \uXXXX instead of acting. What the CLI prints can come
 * from elsewhere: a Redis server's replies, `ibmcloud` output, a profile name from an imported file.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
/** What JSON.stringify leaves raw inside strings (it escapes C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

export function printable(text: string): string {
  return text.replace(UNSAFE, escape)
}

/**
 * JSON for the terminal or a pipe, one value, pretty-printed, newline at the end. JSON.stringify
 * escapes C0 controls but leaves C1 controls, separators and bidi overrides raw; here every one
 * of them is a \u escape, so the output parses back to the same value and cannot drive a terminal.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escape) + '\n'
}

/** The same as one line (the line-per-value outputs: `serve --json`, `setup --json`, `hostkey list --json`). */
export function printableJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_JSON, escape) + '\n'
}
