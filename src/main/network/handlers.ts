import type { Handlers } from '../transport/dispatch'
import type { NetworkService } from './service'

export type NetworkCallName =
  | 'network.testPath'
  | 'network.acceptHostKey'
  | 'network.forgetHostKey'
  | 'network.hostKeys'
  | 'network.sshPathFromSpec'
  | 'network.sshAliases'
  | 'network.resolveSshAlias'
  | 'network.diagnose'
  | 'network.openTunnel'
  | 'network.tunnels'
  | 'network.closeTunnel'

/** Binds the network service to its contract calls. */
export function networkHandlers(service: NetworkService): Pick<Handlers, NetworkCallName> {
  return {
    'network.testPath': (input, ctx) => service.testPath(input, ctx.signal),
    'network.acceptHostKey': (input) => service.acceptHostKey(input),
    'network.forgetHostKey': (input) => service.forgetHostKey(input),
    'network.hostKeys': () => service.hostKeys(),
    'network.sshPathFromSpec': (input) => service.sshPathFromSpec(input),
    'network.sshAliases': () => service.sshAliases(),
    'network.resolveSshAlias': (input) => service.resolveSshAlias(input.alias),
    'network.diagnose': (input, ctx) => service.diagnose(input.profileId, ctx.signal),
    'network.openTunnel': (input) => service.openSessionTunnel(input.profileId, input.minutes, input.sshSecret),
    'network.tunnels': async () => service.listSessionTunnels(),
    'network.closeTunnel': (input) => service.closeSessionTunnel(input.id)
  }
}
