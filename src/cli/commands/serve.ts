import net from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Exit, UsageError, parseIntOption, type Command } from '../command'
import { createApp } from '../../main/app'
import { startHttpTransport } from '../../main/transport/http'
import { isLoopbackAddress } from '../../main/transport/http-guard'
import { onLinkRequest } from '../../main/transport/link-requests'
import { resolveDataDir } from '../../main/paths'
import { log } from '../../main/logging/log'

const usage = `Usage: pse-wizard serve [--port N] [--sandbox] [--host ADDRESS] [--json]

Runs PSE Wizard in browser mode: the same app as the desktop, served on a loopback address.
Open the printed link: it works once (it becomes a session cookie in that browser). For a new
link press Enter where serve runs, or run kill -USR1 PID. On a remote machine such as
a bastion VM, reach it with: ssh -L 8080:127.0.0.1:8080 user@bastion, then serve --port 8080.

Options:
  --port N          port to listen on (default: a free port)
  --sandbox         use the built-in IBM Cloud emulator: no account needed
  --host ADDRESS    listen on this address instead of 127.0.0.1 (a non-loopback address
                    exposes the app to your network: you will be warned)
  --json            print {"url", "port", "sandbox"} as one JSON line when ready, and {"url"}
                    for each new link`

/** Where the built renderer is: beside out/main (the CLI's own folder) unless told otherwise. */
export const defaultRendererDir = (env: NodeJS.ProcessEnv): string =>
  env.PSE_RENDERER_DIR ? path.resolve(env.PSE_RENDERER_DIR) : path.join(__dirname, '..', 'renderer')

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the app in browser mode on a loopback address',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { port: { type: 'string' }, host: { type: 'string' }, sandbox: { type: 'boolean' }, json: { type: 'boolean' } }
    })
    const port = parseIntOption('port', values.port, 0, 65535) ?? 0
    const host = values.host ?? '127.0.0.1'
    if (!net.isIP(host) && host !== 'localhost') throw new UsageError(`--host takes an IP address, got "${host}"`)
    if (host === '0.0.0.0' || host === '::') throw new UsageError('--host needs one specific address; listening on every interface is not supported')
    if (!isLoopbackAddress(host)) {
      io.stderr(
        `WARNING: listening on ${host}, which is not a loopback address. Anyone who can reach it and learns the link can use your IBM Cloud credentials through this app. Prefer an SSH tunnel (ssh -L).\n`
      )
    }

    const app = await createApp({ dataDir: resolveDataDir(io.env), transport: 'browser', sandbox: values.sandbox === true, env: io.env })
    let server
    try {
      server = await startHttpTransport({ handlers: app.handlers, events: app.events, rendererDir: defaultRendererDir(io.env), host, port })
    } catch (e) {
      await app.close()
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE') {
        io.stderr(`pse-wizard serve: port ${port} is already in use. Choose another with --port, or omit it to use a free one.\n`)
        return Exit.failure
      }
      throw e
    }

    if (values.json) io.stdout(JSON.stringify({ url: server.url, port: server.port, sandbox: values.sandbox === true }) + '\n')
    else
      io.stdout(
        `PSE Wizard is running${values.sandbox ? ' in sandbox mode' : ''}.\nOpen: ${server.url}\nThe link works once. For a new one press Enter here, or run: kill -USR1 ${process.pid}\nPress Ctrl-C to stop.\n`
      )
    const links = server
    const stopLinkRequests = onLinkRequest(() =>
      io.stdout(values.json ? JSON.stringify({ url: links.newLink() }) + '\n' : `New link (works once): ${links.newLink()}\n`)
    )
    log.info(`browser mode listening on ${server.origin}`)

    await new Promise<void>((resolve) => {
      if (io.signal.aborted) return resolve()
      io.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    stopLinkRequests()
    await server.close()
    await app.close()
    return Exit.ok
  }
}
