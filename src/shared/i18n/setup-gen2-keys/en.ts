/** Gen 2's step 5: the Manager service key instead of an admin password. */
export const credentialsEn = {
  step: 'Credentials',
  title: 'Create the credentials',
  lead: 'Gen 2 has no admin user: your user is a service key with the Manager role. IBM Cloud shows its credentials only once, so PSE Wizard puts them straight into your OS keychain.',
  name: 'Manager key name',
  create: 'Create the Manager key',
  created: 'The Manager key “{{name}}” was created; its credentials are kept in the {{where}}.',
  reused: 'The Manager key “{{name}}” already existed; its credentials were in the {{where}}, so it was reused.',
  keyName: 'Key name',
  role: 'Role',
  user: 'User',
  host: 'Host and port',
  password: 'Password'
}

/** Gen 2's step 7: the application's own key (role Writer or Manager), or none. */
export const appKeyEn = {
  step: 'Application key',
  title: 'The application’s service key',
  lead: 'Give your application its own key, so it does not use your Manager credentials. IBM Cloud shows its credentials once; they go to your OS keychain.',
  legend: 'Role of the application’s key',
  role: {
    Writer: 'Writer (recommended): reads and writes data',
    Manager: 'Manager: also manages the database, like your own key',
    skip: 'No separate key: the application uses the Manager key of step 5'
  },
  name: 'Key name',
  create: 'Create the key',
  useManager: 'Use the Manager key',
  created: 'The {{role}} key “{{name}}” was created.',
  reused: 'The key “{{name}}” ({{role}}) already existed and was reused.',
  skipped: 'The application uses the Manager key “{{name}}”.',
  keyName: 'Name',
  roleLabel: 'Role',
  host: 'Private host and port',
  user: 'User',
  passwordNote: 'Its password is kept in your OS keychain.'
}

/** The CLI equivalents' labels of Gen 2's steps 5, 7 and 8, by command id. */
export const gen2KeysCliEn = {
  key_create_manager: 'Create the Manager service key (the credentials show once, in this answer: keep them)',
  key_create_writer: 'Create the application’s Writer service key (the credentials show once, in this answer: keep them)',
  key_create_app_manager: 'Create the application’s Manager service key (the credentials show once, in this answer: keep them)',
  key_show_manager: 'No separate key: the application uses the Manager key',
  nslookup: 'From the VPC (or its VPN): the name resolves to the VPE gateway’s IPs',
  rediscli_gen2: 'Test with redis-cli over TLS (system CAs, SNI = the VPE domain)'
}
