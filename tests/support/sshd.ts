import { execFile, spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A real OpenSSH server (Debian's /usr/sbin/sshd) for integration tests: a non-daemon child on a
 * free 127.0.0.1 port, with its own sshd_config, host key and user keys in a 0700 temp folder.
 * Logins are as the current user (root in CI) with a key listed in the temp authorized_keys.
 */
export interface Sshd {
  readonly host: '127.0.0.1'
  readonly port: number
  readonly username: string
  readonly dir: string
  /** Unencrypted user key, authorized. */
  readonly keyPath: string
  /** Passphrase-protected user key, authorized. */
  readonly encryptedKeyPath: string
  readonly passphrase: string
  /** A key that is NOT in authorized_keys. */
  readonly strangerKeyPath: string
  /** `SHA256:...` of the current host key, as ssh-keygen -lf prints it. */
  hostKeyFingerprint(): Promise<string>
  /** Stops sshd, generates a new host key and starts again on the same port. */
  replaceHostKey(): Promise<void>
  stop(): Promise<void>
}

export interface SshdOptions {
  allowTcpForwarding?: boolean
}

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  await fs.mkdir('/run/sshd', { recursive: true, mode: 0o755 })
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-sshd-'))
  await fs.chmod(dir, 0o700)
  const username = os.userInfo().username
  const passphrase = `pp-${crypto.randomBytes(8).toString('hex')}`
  const keyPath = path.join(dir, 'user_ed25519')
  const encryptedKeyPath = path.join(dir, 'user_enc_ed25519')
  const strangerKeyPath = path.join(dir, 'stranger_ed25519')
  const hostKey = path.join(dir, 'host_ed25519')
  await keygen(keyPath, '')
  await keygen(encryptedKeyPath, passphrase)
  await keygen(strangerKeyPath, '')
  await keygen(hostKey, '')
  const authorized = (await fs.readFile(`${keyPath}.pub`, 'utf8')) + (await fs.readFile(`${encryptedKeyPath}.pub`, 'utf8'))
  await fs.writeFile(path.join(dir, 'authorized_keys'), authorized, { mode: 0o600 })
  const port = await freePort()
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin yes',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    `AllowTcpForwarding ${options.allowTcpForwarding === false ? 'no' : 'yes'}`,
    'AllowAgentForwarding no',
    'X11Forwarding no',
    'PermitTTY no',
    'LogLevel VERBOSE'
  ].join('\n')
  const configPath = path.join(dir, 'sshd_config')
  await fs.writeFile(configPath, config + '\n', { mode: 0o600 })

  let child = await launch(configPath, port)
  const stop = async () => {
    await kill(child)
  }
  return {
    host: '127.0.0.1',
    port,
    username,
    dir,
    keyPath,
    encryptedKeyPath,
    passphrase,
    strangerKeyPath,
    hostKeyFingerprint: async () => (await run('ssh-keygen', ['-lf', `${hostKey}.pub`])).stdout.split(' ')[1],
    async replaceHostKey() {
      await kill(child)
      await fs.rm(hostKey, { force: true })
      await fs.rm(`${hostKey}.pub`, { force: true })
      await keygen(hostKey, '')
      child = await launch(configPath, port)
    },
    async stop() {
      await stop()
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
}

async function keygen(file: string, passphrase: string): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'pse-wizard-test', '-f', file])
}

async function launch(configPath: string, port: number): Promise<ChildProcess> {
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start on port ${port}:\n${log}`)), 10_000)
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString()
      if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`sshd exited with ${code}:\n${log}`))
    })
  })
  child.stderr!.resume()
  if (process.env.PSE_SSHD_LOG) child.stderr!.on('data', (d: Buffer) => process.stderr.write(`[sshd:${port}] ${d}`))
  return child
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  await exited
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Whether something accepts TCP connections on 127.0.0.1:port (false when refused). */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
