/** English strings of the setup screens. */
export const setupEn = {
  title: 'Setup',
  lead: 'Nine steps from an IBM Cloud account to a tested private connection.',
  steps: {
    account: 'Account',
    prerequisites: 'Prerequisites',
    deploy: 'Deploy',
    wait: 'Provisioning',
    password: 'Admin password',
    connection: 'Connection info',
    serviceKey: 'Private service key',
    test: 'Connection test',
    save: 'Save'
  },
  empty: 'The setup wizard is being built. Until then, use the `pse-wizard` command line.'
}
