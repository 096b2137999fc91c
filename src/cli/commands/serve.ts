import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Exit, UsageError, parseIntOption, type Command } from '../command'
import { printable, printableJsonLine } from '../printable'
import { fillMessage } from '../../shared/i18n/fill'
import { cliLanguage } from '../locale'
import { serveWords } from '../serve-words'
import { createCore, isLoopbackAddress, log, onLinkRequest, resolveDataDir, startBrowserMode } from '../../main/core'

const usage = `Usage: pse-wizard serve [--port N] [--sandbox] [--host ADDRESS] [--json] [--lang en|ja]

Runs PSE Wizard in browser mode: the same app as the desktop, served on a loopback address.
Open the printed link: it works once (it becomes a session cookie in that browser). For a new
link press Enter where serve runs, or run kill -USR1 PID. On a remote machine such as
a bastion VM, reach it with: ssh -L 8080:127.0.0.1:8080 user@bastion, then serve --port 8080.

Options:
  --port N          port to listen on (default: a free port)
  --sandbox         use the built-in IBM Cloud emulator: no account needed
  --host ADDRESS    listen on this address instead of 127.0.0.1 (a non-loopback address
                    exposes the app to your network: you will be warned)
  --json            print {"url", "port", "sandbox", "message"} as one JSON line when ready, and
                    {"url", "message"} for each new link (message: in the chosen language)
  --lang en|ja      the language of what is printed for people (default: LC_ALL, LC_MESSAGES
                    or LANG)`

/**
 * Where the built renderer is: out/renderer, beside out/main (this code runs from out/main or
 * from a chunk below it), unless PSE_RENDERER_DIR says otherwise.
 */
export function defaultRendererDir(env: NodeJS.ProcessEnv): string {
  if (env.PSE_RENDERER_DIR) return path.resolve(env.PSE_RENDERER_DIR)
  for (let dir = __dirname, i = 0; i < 3; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'renderer')
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate
  }
  return path.join(__dirname, '..', 'renderer')
}

export const serveCommand: Command = {
  name: 'serve',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { port: { type: 'string' }, host: { type: 'string' }, sandbox: { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' } }
    })
    const words = await serveWords(cliLanguage(values.lang, io.env))
    const say = (text: string, params: Record<string, string | number> = {}) => fillMessage(text, params)
    const port = parseIntOption('port', values.port, 0, 65535) ?? 0
    const host = values.host ?? '127.0.0.1'
    if (!net.isIP(host) && host !== 'localhost') throw new UsageError(`--host takes an IP address, got "${host}"`)
    if (host === '0.0.0.0' || host === '::') throw new UsageError('--host needs one specific address; listening on every interface is not supported')
    if (!isLoopbackAddress(host)) {
      io.stderr(printable(say(words.notLoopback, { host })) + '\n')
    }

    // The same core as the desktop app's createApp: a long-running front end.
    const app = await createCore(
      { dataDir: resolveDataDir(io.env), transport: 'browser', sandbox: values.sandbox === true, env: io.env },
      { longRunning: true }
    )
    let server
    try {
      server = await startBrowserMode(app, { rendererDir: defaultRendererDir(io.env), host, port })
    } catch (e) {
      await app.close()
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE') {
        io.stderr(`pse-wizard serve: ${say(words.portInUse, { port })}\n`)
        return Exit.failure
      }
      throw e
    }

    const ready = [
      values.sandbox ? words.runningSandbox : words.running,
      say(words.open, { url: server.url }),
      say(words.linkOnce, { pid: process.pid }),
      words.stop
    ].join('\n')
    if (values.json) io.stdout(printableJsonLine({ url: server.url, port: server.port, sandbox: values.sandbox === true, message: ready }))
    else io.stdout(ready + '\n')
    const links = server
    const stopLinkRequests = onLinkRequest(() => {
      const url = links.newLink()
      const message = say(words.newLink, { url })
      io.stdout(values.json ? printableJsonLine({ url, message }) : message + '\n')
    })
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
