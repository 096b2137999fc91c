/**
 * How a user of `pse-wizard serve` asks for a new one-time link: a line on stdin (Enter in the
 * terminal, or a newline written by a program driving it) or SIGUSR1 (`kill -USR1 PID`, for a
 * server running in the background). Each request calls `onRequest` once. Returns the function
 * that stops listening (it also pauses stdin, so the process can exit).
 */
export interface LinkRequestSources {
  input?: NodeJS.ReadableStream | null
  /** Listen for SIGUSR1 (not on Windows, which has no such signal). */
  signal?: boolean
}

export function onLinkRequest(onRequest: () => void, sources: LinkRequestSources = {}): () => void {
  const input = sources.input === undefined ? process.stdin : sources.input
  const useSignal = (sources.signal ?? true) && process.platform !== 'win32'
  const onData = (chunk: Buffer | string): void => {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    for (const ch of text) if (ch === '\n') onRequest()
  }
  // A closed or unreadable stdin (EIO once the terminal is gone) just means no more requests from it.
  const onError = (): void => {
    input?.off('data', onData)
  }
  const onSignal = (): void => onRequest()
  if (input) {
    input.on('data', onData)
    input.on('error', onError)
  }
  if (useSignal) process.on('SIGUSR1', onSignal)
  return () => {
    if (input) {
      input.off('data', onData)
      input.off('error', onError)
      input.pause()
    }
    if (useSignal) process.off('SIGUSR1', onSignal)
  }
}
