import type { RouteTable } from './router'
import { HttpError, parseJson } from './http'
import type { FaultSpec } from './faults'
import { parseFaultList } from './faults'
import { gen2DnsAnswer } from './gen2-dns'

/**
 * Not IBM APIs. `GET /sandbox/account` lets the sandbox `ibmcloud` answer `account show` (the
 * real CLI reads VRF / service-endpoint flags from classic infrastructure, which has no
 * documented REST form). `POST /sandbox/control` (control token) changes flags and faults.
 */
export const sandboxRoutes: RouteTable = [
  {
    id: 'sandbox.account',
    method: 'GET',
    path: ['sandbox', 'account'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu }) {
      const { account, cli } = emu.state
      return {
        status: 200,
        body: {
          account_id: account.id,
          name: account.name,
          owner: account.ownerEmail,
          vrf_enabled: account.vrfEnabled,
          service_endpoint_enabled: account.serviceEndpointEnabled,
          cli: {
            plugin_installed: cli.pluginInstalled,
            plugin_version: cli.pluginVersion,
            latest_plugin_version: cli.latestPluginVersion,
            cli_version: cli.cliVersion
          }
        }
      }
    }
  },
  {
    // The CLI's own state (plugins), readable before login like the real `plugin list`.
    id: 'sandbox.cli',
    method: 'GET',
    path: ['sandbox', 'cli'],
    auth: 'none',
    family: 'rc',
    async handle({ emu }) {
      const { cli } = emu.state
      return {
        status: 200,
        body: {
          plugin_installed: cli.pluginInstalled,
          plugin_version: cli.pluginVersion,
          latest_plugin_version: cli.latestPluginVersion,
          cli_version: cli.cliVersion
        }
      }
    }
  },
  {
    // DNS is unauthenticated; the emulator listens on 127.0.0.1 only.
    id: 'sandbox.dns',
    method: 'GET',
    path: ['sandbox', 'v1', 'dns'],
    auth: 'none',
    family: 'rc',
    async handle({ emu, query }) {
      const name = query.get('name') ?? ''
      if (name.length === 0 || name.length > 253) throw new HttpError(400, 'name must be a DNS name of 1 to 253 characters', 'rc', 'RC-BadRequest')
      const addresses = gen2DnsAnswer(emu, name)
      if (!addresses) throw new HttpError(404, `${name} does not resolve here (no stable VPE gateway serves it)`, 'rc', 'RC-NotFound')
      return { status: 200, body: { name, addresses } }
    }
  },
  {
    id: 'sandbox.control',
    method: 'POST',
    path: ['sandbox', 'control'],
    auth: 'control',
    family: 'rc',
    async handle({ emu, body }) {
      const b = parseJson(body, 'rc')
      const account = (b.account ?? {}) as Record<string, unknown>
      if (typeof account.vrfEnabled === 'boolean') emu.state.account.vrfEnabled = account.vrfEnabled
      if (typeof account.serviceEndpointEnabled === 'boolean') emu.state.account.serviceEndpointEnabled = account.serviceEndpointEnabled
      const cli = (b.cli ?? {}) as Record<string, unknown>
      if (typeof cli.pluginInstalled === 'boolean') emu.state.cli.pluginInstalled = cli.pluginInstalled
      if (typeof cli.latestPluginVersion === 'string') emu.state.cli.latestPluginVersion = cli.latestPluginVersion
      if (b.clearFaults === true) emu.faults.clear()
      try {
        if (typeof b.faults === 'string') for (const f of parseFaultList(b.faults)) emu.faults.add(f)
        if (Array.isArray(b.faults)) for (const f of b.faults as FaultSpec[]) emu.faults.add(f)
      } catch (e) {
        throw new HttpError(400, (e as Error).message, 'rc', 'RC-BadRequest')
      }
      return { status: 200, body: { ok: true, pending_faults: emu.faults.pending() } }
    }
  }
]
