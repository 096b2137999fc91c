/**
 * Text for a terminal: control characters (ESC sequences that move the cursor, rewrite the title
 * or the clipboard, carriage returns that overwrite a line) and bidirectional overrides are shown
 * as \uXXXX instead of acting. What the CLI prints for humans can come from elsewhere: a Redis
 * server's replies, `ibmcloud` output, a profile name from an imported file. JSON output is
 * already escaped by JSON.stringify.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
