/**
 * The profile store's and the keychain's failures, by the message id main names in a failure's
 * `params.say` ("profileSay.<id>", src/main/profiles/messages.ts), filled from the failure's facts.
 */
export const profileSayEn = {
  notFoundById: 'No profile with id “{{id}}”. It may have been deleted in another window; refresh the list.',
  notFoundByName: 'No profile named “{{name}}”. Run “pse-wizard profiles list” to see them.',
  fileNewer: '{{file}} was written by a newer PSE Wizard. Update this copy of PSE Wizard before changing profiles.',
  importExpired: 'The pasted connection data is no longer held (it expires after 15 minutes). Paste it again.',
  pathUnsupported: 'This PSE Wizard cannot test “{{kind}}” paths yet. Update PSE Wizard.',
  keychainTimeout:
    'The system keychain did not answer within {{seconds}} s. If it shows a password or permission prompt, answer it (or unlock the keychain), then try again.',
  keychainMissing:
    'No keychain (Secret Service) is available, so PSE Wizard cannot store secrets. Install and unlock one (Debian/Ubuntu: sudo apt-get install gnome-keyring libsecret-1-0, then log in again; or enable KeePassXC’s Secret Service), or choose “Keep secrets for this session only”.',
  keytarUnusable:
    'The keychain module (keytar) cannot be used: $t(profileSay.keytarReason.{{reason}}). So PSE Wizard cannot keep secrets in the system keychain. To use it, install {{tools}}, run “npm rebuild keytar” in the PSE Wizard folder (“npm install” when node_modules/keytar is missing), and start PSE Wizard again. Or choose “Keep secrets for this session only” (on the command line: pse-wizard setup --session-secrets).',
  keytarReason: {
    not_installed: 'it is not installed (its build failed during npm install, or install scripts were off)',
    no_native_part: 'it was installed without its native part (its build did not run or failed)',
    load_failed: 'its native part failed to load: “{{error}}”'
  },
  secretUnreadable: 'The saved $t(profileSay.secretWords.{{secret}}) of profile “{{profileName}}” $t(profileSay.secretWhere.{{where}}). Enter it again in the profile.',
  secretWords: { password: 'password', clientKey: 'client key', sshSecret: 'SSH passphrase or password' },
  secretWhere: {
    session: 'was kept for an earlier session only',
    keychain: 'can no longer be read from the keychain (was the keychain reset or the entry deleted?)'
  }
}
