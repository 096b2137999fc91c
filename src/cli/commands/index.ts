import type { Command } from '../command'
import { serveCommand } from './serve'
import { hostkeyCommand } from './hostkey'

/** Every `pse-wizard` subcommand, in the order --help lists them. */
export const commands: Command[] = [serveCommand, hostkeyCommand]
