import type net from 'node:net'
import { performance } from 'node:perf_hooks'
import { RespDecoder, RespProtocolError, encodeCommand, type RespValue } from './resp'

/** Why a conversation with the server ended without the replies we waited for. */
export class ConversationError extends Error {
  constructor(
    readonly reason: 'timeout' | 'closed' | 'reset' | 'protocol' | 'aborted' | 'error',
    message: string,
    readonly code?: string
  ) {
    super(message)
    this.name = 'ConversationError'
  }
}

export interface Exchange {
  replies: RespValue[]
  /** Milliseconds from the write to the arrival of each reply. */
  at: number[]
}

/**
 * Request/response over one socket: write a batch of commands in one go (a pipeline, one round
 * trip) and wait for exactly that many replies, with a timeout and an abort signal.
 */
export class Conversation {
  private readonly decoder = new RespDecoder()
  private pending: { count: number; exchange: Exchange; started: number; resolve: (e: Exchange) => void; reject: (e: Error) => void } | undefined
  private failure: ConversationError | undefined
  /** Bytes received so far (to tell "closed before any reply" from "closed later"). */
  received = 0

  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk))
    socket.on('error', (e: NodeJS.ErrnoException) => this.fail(new ConversationError(e.code === 'ECONNRESET' ? 'reset' : 'error', e.message, e.code)))
    socket.on('close', () => this.fail(new ConversationError('closed', 'the server closed the connection')))
  }

  send(commands: readonly (readonly (string | number)[])[], timeoutMs: number, signal?: AbortSignal): Promise<Exchange> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.pending) return Promise.reject(new Error('one exchange at a time'))
    return new Promise<Exchange>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new ConversationError('timeout', `no reply within ${timeoutMs} ms`)), timeoutMs)
      const onAbort = () => this.fail(new ConversationError('aborted', 'cancelled'))
      signal?.addEventListener('abort', onAbort, { once: true })
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        this.pending = undefined
      }
      this.pending = {
        count: commands.length,
        exchange: { replies: [], at: [] },
        started: performance.now(),
        resolve: (e) => (done(), resolve(e)),
        reject: (e) => (done(), reject(e))
      }
      if (signal?.aborted) return onAbort()
      this.socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))))
    })
  }

  private onData(chunk: Buffer): void {
    this.received += chunk.length
    try {
      this.decoder.push(chunk)
      while (this.pending) {
        const next = this.decoder.next()
        if (!next) break
        const p = this.pending
        p.exchange.replies.push(next.value)
        p.exchange.at.push(performance.now() - p.started)
        if (p.exchange.replies.length === p.count) p.resolve(p.exchange)
      }
    } catch (e) {
      const message = e instanceof RespProtocolError ? e.message : String(e)
      this.fail(new ConversationError('protocol', `the server's answer is not Redis protocol (${message})`))
      this.socket.destroy()
    }
  }

  private fail(error: ConversationError): void {
    this.failure ??= error
    this.pending?.reject(error)
  }
}
