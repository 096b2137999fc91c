/** What `pse-wizard profiles` prints for people (its --json output keeps the values and codes). */
export const cliProfilesEn = {
  none: 'No profiles. Add one with “pse-wizard profiles add --url rediss://…” or “pse-wizard profiles import FILE”.',
  warning: 'warning: {{warning}}',
  neverTested: 'never tested',
  lastOk: 'ok {{at}}',
  lastFailed: 'FAILED {{code}} {{at}}',
  deleted: 'Deleted profile “{{name}}”.',
  saved: 'Saved profile “{{name}}” ({{id}}).',
  savedWithPassword: 'Saved profile “{{name}}” ({{id}}); password in the keychain.',
  imported: 'Imported “{{name}}” ({{format}}) as {{id}}.',
  note: 'note: {{note}}',
  wrote: 'Wrote {{file}}.',
  wroteSecrets: 'Wrote {{file}} (it contains secrets: mode 0600).',
  /** After a label of `profiles show`. */
  colon: ':',
  show: {
    name: 'name',
    id: 'id',
    endpoint: 'endpoint',
    user: 'user',
    password: 'password',
    tls: 'tls',
    path: 'path',
    origin: 'origin',
    tags: 'tags',
    lastTest: 'last test'
  },
  value: {
    defaultUser: '(default)',
    none: '(none)',
    stored: '******** ({{where}})',
    keychain: 'keychain',
    session: 'this session',
    tlsOn: 'on, {{verify}}, CA {{ca}}',
    sni: ', SNI {{name}}',
    verified: 'verified',
    notVerified: 'NOT VERIFIED (insecure)',
    caInProfile: 'in profile',
    caSystem: 'system store',
    off: 'off',
    ibmcloud: 'IBM Cloud {{endpoint}}',
    ibmcloudRegion: 'IBM Cloud {{endpoint}} ({{region}})',
    public: 'public',
    private: 'private',
    manual: 'manual'
  }
}
