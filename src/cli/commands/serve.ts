import type { Command } from '../command'
import { Exit } from '../command'

// Replaced by the browser-mode server in the next commit.
export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the app in browser mode on a loopback address',
  usage: 'Usage: pse-wizard serve [--port N] [--sandbox] [--host ADDRESS]',
  async run(_argv, io) {
    io.stderr('serve: not built yet\n')
    return Exit.failure
  }
}
