/** What `pse-wizard serve` and `pse-wizard sandbox` print for people (their --json output keeps the values). */
export const cliServeEn = {
  running: 'PSE Wizard is running.',
  runningSandbox: 'PSE Wizard is running in sandbox mode.',
  open: 'Open: {{url}}',
  linkOnce: 'The link works once. For a new one press Enter here, or run: kill -USR1 {{pid}}',
  stop: 'Press Ctrl-C to stop.',
  newLink: 'New link (works once): {{url}}',
  notLoopback:
    'WARNING: listening on {{host}}, which is not a loopback address. Anyone who can reach it and learns the link can use your IBM Cloud credentials through this app. Prefer an SSH tunnel (ssh -L).',
  portInUse: 'Port {{port}} is already in use. Choose another with --port, or omit it to use a free one.',
  sandbox: {
    /** Shell comments around the exports (`# ` is added in front). */
    header: 'PSE Wizard sandbox: IBM Cloud emulator on {{url}} (not IBM Cloud). Ctrl-C stops it.',
    control: 'Change flags or inject faults while it runs:'
  }
}
