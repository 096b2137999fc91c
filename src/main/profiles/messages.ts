import { sayers } from '../util/say'

/**
 * What the profile store and the keychain say to the user, in English, each a function of the
 * facts it names; `profileSay` makes them failures whose params name the catalogue text
 * (src/shared/i18n/profile-say), so the UI and the CLI word them in the user's language.
 */
export const profileMessages = {
  notFoundById: (p: { id: string }) => `No profile with id "${p.id}". It may have been deleted in another window; refresh the list.`,
  notFoundByName: (p: { name: string }) => `No profile named "${p.name}". Run "pse-wizard profiles list" to see them.`,
  fileNewer: (p: { file: string }) => `${p.file} was written by a newer PSE Wizard. Update this copy of PSE Wizard before changing profiles.`,
  importExpired: () => 'The pasted connection data is no longer held (it expires after 15 minutes). Paste it again.',
  pathUnsupported: (p: { kind: string }) => `This PSE Wizard cannot test "${p.kind}" paths yet. Update PSE Wizard.`,
  keychainTimeout: (p: { seconds: number }) =>
    `The system keychain did not answer within ${p.seconds} s. If it shows a password or permission prompt, answer it (or unlock the keychain), then try again.`,
  keychainMissing: () =>
    'No keychain (Secret Service) is available, so PSE Wizard cannot store secrets. Install and unlock one (Debian/Ubuntu: sudo apt-get install gnome-keyring libsecret-1-0, then log in again; or enable KeePassXC\'s Secret Service), or choose "Keep secrets for this session only".',
  keytarUnusable: (p: { reason: 'not_installed' | 'no_native_part' | 'load_failed'; error: string; tools: string }) =>
    `The keychain module (keytar) cannot be used: ${keytarReason(p)}. So PSE Wizard cannot keep secrets in the system keychain. To use it, install ${p.tools}, run "npm rebuild keytar" in the PSE Wizard folder ("npm install" when node_modules/keytar is missing), and start PSE Wizard again. Or choose "Keep secrets for this session only" (on the command line: pse-wizard setup --session-secrets).`,
  secretUnreadable: (p: { secret: string; profileName: string; where: 'session' | 'keychain' }) =>
    `The saved ${SECRET_WORDS[p.secret] ?? p.secret} of profile "${p.profileName}" ${p.where === 'session' ? 'was kept for an earlier session only' : 'can no longer be read from the keychain (was the keychain reset or the entry deleted?)'}. Enter it again in the profile.`
} as const

/** The secrets of a profile, as a sentence names them. */
const SECRET_WORDS: Record<string, string> = { password: 'password', clientKey: 'client key', sshSecret: 'SSH passphrase or password' }

function keytarReason(p: { reason: string; error: string }): string {
  if (p.reason === 'load_failed') return `its native part failed to load: "${p.error}"`
  if (p.reason === 'no_native_part') return 'it was installed without its native part (its build did not run or failed)'
  return 'it is not installed (its build failed during npm install, or install scripts were off)'
}

export type ProfileMessageId = keyof typeof profileMessages
export const profileSay = sayers<typeof profileMessages, `profileSay.${ProfileMessageId}`>(profileMessages, 'profileSay')
