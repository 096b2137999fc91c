import { redactBounded } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogSink = (level: LogLevel, line: string) => void

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

let threshold: LogLevel = (process.env.PSE_LOG_LEVEL as LogLevel) in order ? (process.env.PSE_LOG_LEVEL as LogLevel) : 'info'
const sinks = new Set<LogSink>([(level, line) => process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${line}\n`)])

/** A log line longer than this is cut (and the cut marked) before it is redacted. */
export const LOG_LINE_LIMIT = 16 * 1024

/** Every log line is cut to LOG_LINE_LIMIT and passes through redaction before any sink sees it. */
function write(level: LogLevel, message: string): void {
  if (order[level] < order[threshold]) return
  const line = redactBounded(message, LOG_LINE_LIMIT)
  for (const sink of sinks) sink(level, line)
}

export const log = {
  debug: (m: string) => write('debug', m),
  info: (m: string) => write('info', m),
  warn: (m: string) => write('warn', m),
  error: (m: string) => write('error', m),
  setLevel: (level: LogLevel) => {
    threshold = level
  },
  /** Adds a sink (a log file, a test collector); returns its removal. */
  addSink: (sink: LogSink) => {
    sinks.add(sink)
    return () => sinks.delete(sink)
  },
  /** Replaces every sink: the CLI uses it to keep stdout clean for --json. */
  setSinks: (next: LogSink[]) => {
    sinks.clear()
    for (const s of next) sinks.add(s)
  }
}
