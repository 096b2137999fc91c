import type { Command } from '../command'
import { serveCommand } from './serve'

/** Every `pse-wizard` subcommand, in the order --help lists them. */
export const commands: Command[] = [serveCommand]
