import type { Handlers } from '../transport/dispatch'
import type { NetworkService } from './service'

export type NetworkCallName =
  | 'profiles.testPath'
  | 'profiles.acceptHostKey'
  | 'profiles.forgetHostKey'
  | 'profiles.sshAliases'
  | 'profiles.resolveSshAlias'
  | 'profiles.diagnose'
  | 'profiles.openTunnel'
  | 'profiles.tunnels'
  | 'profiles.closeTunnel'

/** Binds the network service to its contract calls. */
export function networkHandlers(service: NetworkService): Pick<Handlers, NetworkCallName> {
  return {
    'profiles.testPath': (input, ctx) => service.testPath(input, ctx.signal),
    'profiles.acceptHostKey': (input) => service.acceptHostKey(input),
    'profiles.forgetHostKey': (input) => service.forgetHostKey(input),
    'profiles.sshAliases': () => service.sshAliases(),
    'profiles.resolveSshAlias': (input) => service.resolveSshAlias(input.alias),
    'profiles.diagnose': (input, ctx) => service.diagnose(input.profileId, ctx.signal),
    'profiles.openTunnel': (input) => service.openSessionTunnel(input.profileId, input.minutes, input.sshSecret),
    'profiles.tunnels': async () => service.listSessionTunnels(),
    'profiles.closeTunnel': (input) => service.closeSessionTunnel(input.id)
  }
}
