import { Exit, UsageError, parseIntOption, type Command } from '../command'
import { parseArgs } from 'node:util'
import { printableJson } from '../printable'
import { fillMessage } from '../../shared/i18n/fill'
import { cliLanguage } from '../locale'
import { serveWords } from '../serve-words'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../main/core'

const USAGE = `Usage: pse-wizard sandbox [options]

Starts the IBM Cloud emulator alone (IAM, Resource Manager/Controller, Cloud Databases v5, with
a real TLS redis-server per deployment) and prints the environment variables that point
PSE Wizard, the sandbox ibmcloud, or any other tool at it. Runs until Ctrl-C. Loopback only.

  --port N                    emulator port on 127.0.0.1 (default: a free one)
  --provisioning-seconds N    how long a new instance stays "provisioning" (default 8)
  --vrf on|off                "VRF Enabled" in ibmcloud account show (default on)
  --service-endpoints on|off  "Service Endpoint Enabled" (default on)
  --plugin on|off             cloud-databases plugin installed at start (default on)
  --fault ROUTE:KIND[:N]      inject a fault (repeatable), e.g. rc.instances.get:server_error:2,
                              rm.groups.list:rate_limited, rc.instances.create:provisioning_failed
  --redis real|fake           real TLS redis-server per deployment (default) or none
  --json                      print the variables as JSON instead of shell exports
  --lang en|ja                the language of the comments around the exports (default: LC_ALL,
                              LC_MESSAGES or LANG)`

export const sandboxCommand: Command = {
  name: 'sandbox',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'provisioning-seconds': { type: 'string' },
        vrf: { type: 'string' },
        'service-endpoints': { type: 'string' },
        plugin: { type: 'string' },
        fault: { type: 'string', multiple: true },
        redis: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' }
      }
    })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const onOff = (name: string, v: string | undefined) => {
      if (v === undefined) return undefined
      if (v !== 'on' && v !== 'off') throw new UsageError(`--${name} takes on or off, got "${v}"`)
      return v === 'on'
    }
    if (values.redis !== undefined && values.redis !== 'real' && values.redis !== 'fake')
      throw new UsageError(`--redis takes real or fake, got "${values.redis}"`)
    const language = cliLanguage(values.lang, io.env)
    const seconds = parseIntOption('provisioning-seconds', values['provisioning-seconds'], 0, 3600)
    const port = values.port !== undefined ? parseIntOption('port', values.port, 1, 65535) : undefined
    const vrf = onOff('vrf', values.vrf)
    const se = onOff('service-endpoints', values['service-endpoints'])
    const plugin = onOff('plugin', values.plugin)
    const options = (base: SandboxOptions): SandboxOptions => ({
      ...base,
      ...(port !== undefined ? { port } : {}),
      ...(seconds !== undefined ? { provisioningMs: seconds * 1000 } : {}),
      account: { ...base.account, ...(vrf !== undefined ? { vrfEnabled: vrf } : {}), ...(se !== undefined ? { serviceEndpointEnabled: se } : {}) },
      cli: { ...base.cli, ...(plugin !== undefined ? { pluginInstalled: plugin } : {}) },
      ...(values.fault?.length ? { faultList: [base.faultList, ...values.fault].filter(Boolean).join(',') } : {}),
      ...(values.redis === 'fake' ? { backend: 'fake' as const } : values.redis === 'real' ? { backend: 'real' as const } : {})
    })
    const words = (await serveWords(language)).sandbox
    let sandbox: Sandbox
    try {
      sandbox = await startSandbox(options, io.env)
    } catch (e) {
      if (e instanceof Error && /unknown (route|fault)|bad count/.test(e.message)) throw new UsageError(e.message)
      throw e
    }
    if (values.json) {
      io.stdout(printableJson({ env: sandbox.env, controlUrl: `${sandbox.emulator.url}/sandbox/control`, controlToken: sandbox.emulator.controlToken }))
    } else {
      io.stdout(`# ${fillMessage(words.header, { url: sandbox.emulator.url })}\n`)
      for (const [k, v] of Object.entries(sandbox.env)) io.stdout(`export ${k}=${shellQuote(v)}\n`)
      io.stdout(
        `# ${words.control}\n#   curl -s -H 'Authorization: Bearer ${sandbox.emulator.controlToken}' -d '{"account":{"vrfEnabled":false},"faults":"rc.instances.get:server_error:2"}' ${sandbox.emulator.url}/sandbox/control\n`
      )
    }
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) return resolve()
      io.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await sandbox.close()
    return Exit.ok
  }
}

const shellQuote = (v: string) => (/^[A-Za-z0-9_./:{}@%+=-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`)
