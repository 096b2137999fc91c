import net from 'node:net'
import { freeLoopbackPort } from '../../src/main/sandbox/tls-redis'

/** Loopback-only network helpers for tests: no packet ever leaves 127.0.0.1. */
export interface LoopbackEndpoint {
  host: string
  port: number
}

export interface SilentServer extends LoopbackEndpoint {
  /** Sockets accepted so far (they never get a byte back). */
  readonly accepted: number
  close(): Promise<void>
}

/** A loopback port nobody listens on: connecting to it is refused. */
export async function closedPort(): Promise<LoopbackEndpoint> {
  return { host: '127.0.0.1', port: await freeLoopbackPort() }
}

/** A TCP server that accepts connections and never answers: TLS handshakes and commands hang. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host: '127.0.0.1', port: 0 }, resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    host: '127.0.0.1',
    port,
    get accepted() {
      return accepted
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

export interface BlackholePort extends LoopbackEndpoint {
  close(): Promise<void>
}

/**
 * A loopback port whose TCP handshakes never complete: a listener in a child process that is
 * then stopped (SIGSTOP) with its accept queue filled, so the kernel drops further SYNs. The
 * loopback stand-in for a private endpoint you are not routed to.
 */
export async function startBlackholePort(): Promise<BlackholePort> {
  const { spawn } = await import('node:child_process')
  const child = spawn(
    process.execPath,
    ['-e', "const s=require('net').createServer(()=>{});s.listen({host:'127.0.0.1',port:0,backlog:1},()=>{process.stdout.write(s.address().port+'\\n')})"],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())))
    child.once('exit', () => reject(new Error('blackhole listener exited')))
  })
  child.kill('SIGSTOP')
  const fillers: net.Socket[] = []
  // Fill the accept queue until a handshake no longer completes.
  for (let i = 0; i < 16; i++) {
    const socket = net.connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    fillers.push(socket)
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300)
      socket.once('connect', () => (clearTimeout(timer), resolve(true)))
    })
    if (!connected) break
  }
  return {
    host: '127.0.0.1',
    port,
    close: async () => {
      for (const s of fillers) s.destroy()
      child.kill('SIGKILL')
    }
  }
}
