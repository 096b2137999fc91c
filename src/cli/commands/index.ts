import type { Command } from '../command'
import { serveCommand } from './serve'
import { testCommand } from './test'
import { profilesCommand } from './profiles'
import { hostkeyCommand } from './hostkey'
import { checkCommand } from './check'
import { sandboxCommand } from './sandbox'
import { setupCommand } from './setup'

/** Every `pse-wizard` subcommand, in the order --help lists them. */
export const commands: Command[] = [serveCommand, testCommand, profilesCommand, hostkeyCommand, checkCommand, sandboxCommand, setupCommand]
