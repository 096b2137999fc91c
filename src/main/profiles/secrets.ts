import { AppFailure } from '../../shared/errors'
import { profileSay } from './messages'
import type { KeychainStatus, SecretLocation, SecretName } from '../../shared/schemas/profile'
import { registerSecret } from '../logging/redact'
import { log } from '../logging/log'

/**
 * Secrets (Redis passwords, client keys) live in the OS keychain through keytar, service
 * `pse-wizard`, one entry per profile and secret. When no Secret Service answers, nothing is
 * stored until the user explicitly chooses "this session only": then secrets stay in this
 * process's memory and are gone when it exits. Never a plaintext file.
 */
export const KEYCHAIN_SERVICE = 'pse-wizard'

export const SecretCodes = {
  keychainUnavailable: 'keychain_unavailable',
  keychainTimeout: 'keychain_timeout',
  secretUnreadable: 'secret_unreadable'
} as const

/** How long one keychain call may take: a macOS permission prompt left unanswered waits forever. */
export const KEYCHAIN_TIMEOUT_MS = 30_000

function keychainTimeout(ms: number): AppFailure {
  return new AppFailure({
    code: SecretCodes.keychainTimeout,
    ...profileSay.keychainTimeout({ seconds: Math.round(ms / 1000) })
  })
}

const isTimeout = (e: unknown): e is AppFailure => e instanceof AppFailure && e.code === SecretCodes.keychainTimeout

/** The keychain's own error as a keychain_unavailable failure; our timeout passes through as is. */
function unavailable(e: unknown): AppFailure {
  if (isTimeout(e)) return e
  return new AppFailure({ code: SecretCodes.keychainUnavailable, ...profileSay.keychainMissing(), detail: e instanceof Error ? e.message : String(e) })
}

/** The subset of keytar we use (tests may pass a fake; integration tests use the real one). */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

const keychainMissing = () => new AppFailure({ code: SecretCodes.keychainUnavailable, ...profileSay.keychainMissing() })

/**
 * keytar is an optional dependency with a native part: `npm install` carries on when its build
 * fails (no compiler, no libsecret headers, scripts off), and then the module is missing or
 * cannot load. That is reported as keychain_unavailable with what to do, never as a crash, and
 * everything that needs no keychain goes on working. Loaded on first keychain use only.
 */
export function keytarLoadFailure(e: unknown, platform: NodeJS.Platform = process.platform): AppFailure {
  const text = e instanceof Error ? e.message : String(e)
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  const firstLine = text.split('\n')[0].trim()
  const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(text)
  const reason = !missing ? 'load_failed' : /keytar\.node/.test(text) ? 'no_native_part' : 'not_installed'
  const tools =
    platform === 'linux'
      ? 'the libsecret development files and a compiler (Debian/Ubuntu: sudo apt-get install libsecret-1-dev g++ make python3; Fedora: sudo dnf install libsecret-devel gcc-c++ make)'
      : platform === 'darwin'
        ? 'the Xcode command line tools (xcode-select --install)'
        : 'the Visual Studio Build Tools with "Desktop development with C++"'
  return new AppFailure({
    code: SecretCodes.keychainUnavailable,
    ...profileSay.keytarUnusable({ reason, error: firstLine, tools }),
    detail: text
  })
}

async function loadKeytar(): Promise<Keychain> {
  let mod: { default?: Keychain } & Keychain
  try {
    mod = (await import('keytar')) as unknown as { default?: Keychain } & Keychain
  } catch (e) {
    throw keytarLoadFailure(e)
  }
  return mod.default ?? mod
}

export function accountFor(profileId: string, name: SecretName): string {
  return `profile:${profileId}:${name}`
}

export class SecretStore {
  private keychain: Keychain | undefined
  private sessionOnly = false
  private readonly session = new Map<string, string>()
  private status: KeychainStatus | undefined
  /** Why the keychain is unavailable (with its message's facts), rethrown as is by every call that needs it. */
  private unavailableBecause: AppFailure | undefined
  /** The last check got no answer in time: asked again next time, and said as such. */
  private checkTimedOut = false
  private readonly timeoutMs: number

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    private readonly load: () => Promise<Keychain> = loadKeytar,
    options: { timeoutMs?: number } = {}
  ) {
    this.timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS
  }

  /** One keychain call, given up (keychain_timeout) when it does not answer in time. */
  private timed<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(keychainTimeout(this.timeoutMs)), this.timeoutMs)
      call.then(
        (v) => {
          clearTimeout(timer)
          resolve(v)
        },
        (e: unknown) => {
          clearTimeout(timer)
          reject(e)
        }
      )
    })
  }

  /** Checks the keychain once (a harmless read) and remembers the answer (not a timeout: that is asked again). */
  async check(): Promise<KeychainStatus> {
    if (this.sessionOnly) return this.sessionStatus()
    try {
      this.keychain ??= await this.timed(this.load())
      await this.timed(this.keychain.getPassword(this.service, 'status-check'))
      this.checkTimedOut = false
      this.status = { mode: 'keychain', message: 'Secrets are kept in the system keychain.' }
    } catch (e) {
      if (isTimeout(e)) {
        log.warn('keychain did not answer in time')
        this.checkTimedOut = true
        this.status = undefined
        return { mode: 'unavailable', message: e.message }
      }
      const failure = e instanceof AppFailure && e.code === SecretCodes.keychainUnavailable ? e : undefined
      log.warn(`keychain unavailable: ${failure?.detail ?? (e instanceof Error ? e.message : String(e))}`)
      this.unavailableBecause = failure ?? keychainMissing()
      this.status = { mode: 'unavailable', message: this.unavailableBecause.message }
    }
    return this.status
  }

  /** The explicit "this session only" choice: secrets in memory until the app exits. */
  useSessionOnly(): KeychainStatus {
    this.sessionOnly = true
    return this.sessionStatus()
  }

  private sessionStatus(): KeychainStatus {
    return { mode: 'session', message: 'Secrets are kept in memory for this session only; you will enter them again after PSE Wizard quits.' }
  }

  private async keychainOrFail(): Promise<Keychain> {
    const status = this.status ?? (await this.check())
    if (status.mode === 'keychain' && this.keychain) return this.keychain
    if (this.checkTimedOut) throw keychainTimeout(this.timeoutMs)
    throw (status.mode === 'unavailable' ? this.unavailableBecause : undefined) ?? keychainMissing()
  }

  /** Stores a secret; returns where it went. */
  async set(profileId: string, name: SecretName, value: string): Promise<SecretLocation> {
    registerSecret(value)
    const account = accountFor(profileId, name)
    if (this.sessionOnly) {
      this.session.set(account, value)
      return 'session'
    }
    const keychain = await this.keychainOrFail()
    try {
      await this.timed(keychain.setPassword(this.service, account, value))
    } catch (e) {
      throw unavailable(e)
    }
    return 'keychain'
  }

  /**
   * Reads a secret the profile says is stored at `location`. A secret that should be there but
   * is not (keychain reset, session ended) is its own error, never a connection failure.
   */
  async get(profileId: string, name: SecretName, location: SecretLocation, profileName = profileId): Promise<string | null> {
    if (location === 'none') return null
    const account = accountFor(profileId, name)
    let value: string | null | undefined
    if (location === 'session') value = this.session.get(account)
    else {
      const keychain = await this.keychainOrFail()
      try {
        value = await this.timed(keychain.getPassword(this.service, account))
      } catch (e) {
        throw unavailable(e)
      }
    }
    if (value === null || value === undefined) {
      throw new AppFailure({
        code: SecretCodes.secretUnreadable,
        ...profileSay.secretUnreadable({ secret: name, profileName, where: location === 'session' ? 'session' : 'keychain' })
      })
    }
    registerSecret(value)
    return value
  }

  // ── Entries that belong to no profile (the setup wizard's API key and passwords) ──
  // Same keychain service, same rules: the keychain, or memory after the explicit
  // "this session only" choice; without either, storing fails with `keychain_unavailable`.

  /** Stores `value` under the keychain account `account`; returns where it went. */
  async setEntry(account: string, value: string): Promise<'keychain' | 'session'> {
    registerSecret(value)
    if (this.sessionOnly) {
      this.session.set(account, value)
      return 'session'
    }
    const keychain = await this.keychainOrFail()
    try {
      await this.timed(keychain.setPassword(this.service, account, value))
    } catch (e) {
      throw unavailable(e)
    }
    return 'keychain'
  }

  /** The value kept for this session, else the keychain's (undefined when neither has it). Fails when no keychain and no session choice. */
  async getEntry(account: string): Promise<string | undefined> {
    let value = this.session.get(account)
    if (value === undefined && !(this.sessionOnly && this.status?.mode !== 'keychain')) {
      const keychain = await this.keychainOrFail()
      try {
        value = (await this.timed(keychain.getPassword(this.service, account))) ?? undefined
      } catch (e) {
        throw unavailable(e)
      }
    }
    if (value) registerSecret(value)
    return value || undefined
  }

  async deleteEntry(account: string): Promise<void> {
    this.session.delete(account)
    if (this.sessionOnly && this.status?.mode !== 'keychain') return
    const status = this.status ?? (await this.check())
    if (status.mode === 'keychain' && this.keychain) await this.timed(this.keychain.deletePassword(this.service, account))
  }

  async delete(profileId: string, name: SecretName, location: SecretLocation): Promise<void> {
    const account = accountFor(profileId, name)
    this.session.delete(account)
    if (location !== 'keychain') return
    const keychain = await this.keychainOrFail()
    await this.timed(keychain.deletePassword(this.service, account))
  }
}
