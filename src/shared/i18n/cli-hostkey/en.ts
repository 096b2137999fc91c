/** What `pse-wizard hostkey` prints for people (its --json output keeps the values and codes). */
export const cliHostkeyEn = {
  none: 'No host key accepted yet.',
  pin: '{{id}} {{keyType}} {{fingerprint}} (accepted {{acceptedAt}})',
  accepted: 'Accepted {{fingerprint}} for {{host}}:{{port}}.',
  forgot: 'Forgot the host key of {{host}}:{{port}}.',
  notPinned: 'No host key was pinned for {{host}}:{{port}}.',
  /** `accept` of a key other than the pinned one, without --replace. */
  changed:
    'WARNING: {{host}}:{{port}} already has another host key accepted ({{pinned}}). A changed key can mean someone is intercepting the connection, or that the server was reinstalled. Nothing was changed.',
  replaceHint: 'Only once the server’s owner confirmed {{fingerprint}} as its new key: pse-wizard hostkey accept {{host}}:{{port}} {{fingerprint}} --replace'
}
