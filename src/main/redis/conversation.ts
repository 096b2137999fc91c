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

export interface Reply {
  value: RespValue
  /** Milliseconds from the write of the flight that carried the command to the reply's arrival. */
  ms: number
}

/**
 * Request/response over one socket. `write` sends a batch of commands in one go (a pipeline:
 * one flight, one round trip); `next` takes their replies one at a time, in order, each with its
 * own timeout, so a caller can time and judge each reply of a flight separately. `send` is both
 * at once. Any timeout, abort or protocol error ends the conversation.
 */
export class Conversation {
  private readonly decoder = new RespDecoder()
  /** When each command still waiting for its reply was written, oldest first. */
  private readonly outstanding: number[] = []
  /** Replies that arrived before anyone asked for them. */
  private readonly arrived: Reply[] = []
  private waiter: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined
  private failure: ConversationError | undefined
  /** Bytes received so far (to tell "closed before any reply" from "closed later"). */
  received = 0

  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk))
    socket.on('error', (e: NodeJS.ErrnoException) => this.fail(new ConversationError(e.code === 'ECONNRESET' ? 'reset' : 'error', e.message, e.code)))
    socket.on('close', () => this.fail(new ConversationError('closed', 'the server closed the connection')))
  }

  /** Sends the commands in one write. Their replies are taken with next(). */
  write(commands: readonly (readonly (string | number)[])[]): void {
    if (this.failure) return // next() reports it
    const at = performance.now()
    for (let i = 0; i < commands.length; i++) this.outstanding.push(at)
    this.socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))))
  }

  /** The next reply in order, unless the timeout or the abort signal comes first. */
  next(timeoutMs: number, signal?: AbortSignal): Promise<Reply> {
    const ready = this.arrived.shift()
    if (ready) return Promise.resolve(ready)
    if (this.failure) return Promise.reject(this.failure)
    if (this.waiter) return Promise.reject(new Error('one reader at a time'))
    if (this.outstanding.length === 0) return Promise.reject(new Error('no command is waiting for a reply'))
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new ConversationError('timeout', `no reply within ${timeoutMs} ms`)), Math.max(0, timeoutMs))
      const onAbort = () => this.fail(new ConversationError('aborted', 'cancelled'))
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        this.waiter = undefined
      }
      this.waiter = { resolve: (r) => (done(), resolve(r)), reject: (e) => (done(), reject(e)) }
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** One flight and all of its replies, within one timeout. */
  async send(commands: readonly (readonly (string | number)[])[], timeoutMs: number, signal?: AbortSignal): Promise<Exchange> {
    if (this.failure) throw this.failure
    if (this.waiter || this.outstanding.length) throw new Error('one exchange at a time')
    const deadline = performance.now() + timeoutMs
    this.write(commands)
    const exchange: Exchange = { replies: [], at: [] }
    for (let i = 0; i < commands.length; i++) {
      const reply = await this.next(deadline - performance.now(), signal)
      exchange.replies.push(reply.value)
      exchange.at.push(reply.ms)
    }
    return exchange
  }

  private onData(chunk: Buffer): void {
    this.received += chunk.length
    try {
      this.decoder.push(chunk)
      // Bytes nobody asked for stay in the decoder (as before: read by the next exchange).
      while (this.outstanding.length) {
        const next = this.decoder.next()
        if (!next) break
        const reply = { value: next.value, ms: performance.now() - this.outstanding.shift()! }
        if (this.waiter) this.waiter.resolve(reply)
        else this.arrived.push(reply)
      }
    } catch (e) {
      const message = e instanceof RespProtocolError ? e.message : String(e)
      this.fail(new ConversationError('protocol', `the server's answer is not Redis protocol (${message})`))
      this.socket.destroy()
    }
  }

  private fail(error: ConversationError): void {
    this.failure ??= error
    this.waiter?.reject(error)
  }
}
