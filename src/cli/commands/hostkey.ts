import { parseArgs } from 'node:util'
import { AppFailure } from '../../shared/errors'
import { HostKeyFingerprint } from '../../shared/schemas/network-path'
import { Exit, UsageError, type Command } from '../command'
import { parseHostSpec } from '../../main/core'
import { withCore } from '../core'
import { printable, printableJsonLine } from '../printable'

const usage = `Usage: pse-wizard hostkey list [--json]
       pse-wizard hostkey accept HOST[:PORT] SHA256:FINGERPRINT [--replace]
       pse-wizard hostkey forget HOST[:PORT]

SSH host keys PSE Wizard trusts for bastions and jump hosts (kept in its data folder, apart
from ~/.ssh/known_hosts). A test through an unknown bastion stops and prints the fingerprint:
check it with the server's owner (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the
server), then accept it here or in the app.

Options:
  --replace   accept a key that differs from the pinned one (only after you confirmed the
              change with the server's owner: a changed key can mean an attack)
  --json      print the list as JSON`

const target = async (spec: string | undefined) => {
  if (!spec) throw new UsageError('name the SSH server as HOST or HOST:PORT')
  try {
    const parsed = await parseHostSpec(spec)
    return { host: parsed.host, port: parsed.port ?? 22 }
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e))
  }
}

export const hostkeyCommand: Command = {
  name: 'hostkey',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { replace: { type: 'boolean' }, json: { type: 'boolean' } }
    })
    const [action, spec, fingerprint] = positionals
    if (action === 'list') {
      const pins = await withCore(io, {}, (core) => core.call('network.hostKeys', {}))
      if (values.json) io.stdout(printableJsonLine(pins))
      else
        io.stdout(
          pins.length
            ? pins.map((p) => printable(`${p.id} ${p.keyType} ${p.fingerprint} (accepted ${p.acceptedAt})`)).join('\n') + '\n'
            : 'No host key accepted yet.\n'
        )
      return Exit.ok
    }
    if (action === 'accept') {
      const where = await target(spec)
      if (!fingerprint || !HostKeyFingerprint.safeParse(fingerprint).success)
        throw new UsageError('give the fingerprint as ssh-keygen -lf prints it: SHA256: followed by 43 characters')
      try {
        await withCore(io, {}, (core) => core.call('network.acceptHostKey', { ...where, keyType: 'ssh', fingerprint, replace: values.replace === true }))
      } catch (e) {
        if (!(e instanceof AppFailure)) throw e
        io.stderr(`pse-wizard hostkey: ${printable(e.message)}\n`)
        return Exit.failure
      }
      io.stdout(`Accepted ${fingerprint} for ${where.host}:${where.port}.\n`)
      return Exit.ok
    }
    if (action === 'forget') {
      const where = await target(spec)
      const { forgotten } = await withCore(io, {}, (core) => core.call('network.forgetHostKey', where))
      io.stdout(forgotten ? `Forgot the host key of ${where.host}:${where.port}.\n` : `No host key was pinned for ${where.host}:${where.port}.\n`)
      return Exit.ok
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'say list, accept or forget')
  }
}
