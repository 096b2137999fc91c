import { EventEmitter } from 'node:events'
import type net from 'node:net'
import { describe, expect, it } from 'vitest'
import { Conversation, ConversationError } from '../../../../src/main/redis/conversation'

/** A socket stand-in: records writes, lets the test play the server. */
function fakeSocket() {
  const socket = Object.assign(new EventEmitter(), {
    written: [] as string[],
    write(data: Buffer) {
      socket.written.push(data.toString())
      return true
    },
    destroy() {
      socket.emit('close')
    }
  })
  return { socket, asNet: socket as unknown as net.Socket, reply: (text: string) => socket.emit('data', Buffer.from(text)) }
}

describe('Conversation', () => {
  it('writes a flight in one write and hands its replies out one at a time, in order', async () => {
    const { socket, asNet, reply } = fakeSocket()
    const c = new Conversation(asNet)
    c.write([['HELLO', 3], ['PING'], ['GET', 'k']])
    expect(socket.written).toHaveLength(1)
    expect(socket.written[0]).toBe('*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n')
    const first = c.next(1000)
    reply('%1\r\n+proto\r\n:3\r\n+PO')
    expect((await first).value).toEqual({ proto: 3 })
    reply('NG\r\n$1\r\nv\r\n')
    // Both arrived before anyone asked: still handed out in order.
    expect((await c.next(1000)).value).toBe('PONG')
    const last = await c.next(1000)
    expect(last.value).toBe('v')
    expect(last.ms).toBeGreaterThanOrEqual(0)
  })

  it('a reply that does not come in time ends the conversation with a timeout', async () => {
    const { asNet } = fakeSocket()
    const c = new Conversation(asNet)
    c.write([['PING'], ['PING']])
    await expect(c.next(10)).rejects.toMatchObject({ reason: 'timeout' })
    await expect(c.next(1000)).rejects.toBeInstanceOf(ConversationError)
  })

  it('an abort ends the wait at once', async () => {
    const { asNet } = fakeSocket()
    const c = new Conversation(asNet)
    c.write([['PING']])
    const controller = new AbortController()
    const pending = c.next(60_000, controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' })
  })

  it('replies received before the server closed are still handed out; then the close is reported', async () => {
    const { socket, asNet, reply } = fakeSocket()
    const c = new Conversation(asNet)
    c.write([['HELLO', 3, 'AUTH', 'u', 'p'], ['PING']])
    reply('-WRONGPASS invalid username-password pair\r\n')
    socket.emit('close')
    expect((await c.next(1000)).value).toMatchObject({ message: 'WRONGPASS invalid username-password pair' })
    await expect(c.next(1000)).rejects.toMatchObject({ reason: 'closed' })
  })

  it('refuses to wait when no command is waiting for a reply', async () => {
    const { asNet } = fakeSocket()
    await expect(new Conversation(asNet).next(1000)).rejects.toThrow(/no command/)
  })

  it('send: one flight, all replies, one timeout', async () => {
    const { asNet, reply } = fakeSocket()
    const c = new Conversation(asNet)
    const pending = c.send([['PING'], ['PING']], 1000)
    reply('+PONG\r\n+PONG\r\n')
    const ex = await pending
    expect(ex.replies).toEqual(['PONG', 'PONG'])
    expect(ex.at).toHaveLength(2)
  })
})
