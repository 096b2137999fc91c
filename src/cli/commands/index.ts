import type { Command } from '../command'

/** A subcommand as --help lists it; its module (and what it needs) loads only when it runs. */
export interface CommandEntry {
  name: string
  /** One line for `pse-wizard --help`. */
  summary: string
  load(): Promise<Command>
}

/** Every `pse-wizard` subcommand, in the order --help lists them. */
export const commands: CommandEntry[] = [
  { name: 'serve', summary: 'run the app in browser mode on a loopback address', load: async () => (await import('./serve')).serveCommand },
  { name: 'test', summary: 'test a connection profile or URL and explain any failure', load: async () => (await import('./test')).testCommand },
  {
    name: 'profiles',
    summary: 'list, show, add, remove, import and export connection profiles',
    load: async () => (await import('./profiles')).profilesCommand
  },
  { name: 'hostkey', summary: 'list, accept or forget the SSH host keys of bastions', load: async () => (await import('./hostkey')).hostkeyCommand },
  { name: 'check', summary: 'check the API key, account, CLI, plugin, VRF and service endpoints', load: async () => (await import('./check')).checkCommand },
  {
    name: 'sandbox',
    summary: 'run the IBM Cloud emulator and sandbox ibmcloud; print the variables that use them',
    load: async () => (await import('./sandbox')).sandboxCommand
  },
  {
    name: 'restrict',
    summary: "admit only your networks to a profile's instance (context-based restriction or Gen 1 allowlist)",
    load: async () => (await import('./restrict')).restrictCommand
  },
  {
    name: 'prove',
    summary: "the privacy report of a profile's instance: five claims, each holds, fails or is inconclusive, with evidence",
    load: async () => (await import('./prove')).proveCommand
  },
  { name: 'setup', summary: 'run the setup wizard headless from a config file (resumable)', load: async () => (await import('./setup')).setupCommand }
]
