/**
 * What `pse-wizard setup` prints for people around the wizard's own words (the steps' names and
 * failures come from the setup and wizardSay catalogues); --json keeps the codes and adds `said`.
 */
export const cliSetupEn = {
  /** One progress line, e.g. `[3/9] Deploy: running`; the parts below follow it when they apply. */
  line: '[{{index}}/9] {{step}}: {{status}}',
  status: { running: 'running', done: 'done', failed: 'failed', blocked: 'blocked', stopped: 'stopped' },
  percent: ' {{percent}}%',
  /** The service's own words about the provisioning, quoted as they are. */
  ibmSays: ' {{text}}',
  elapsed: ' ({{seconds}} s)',
  error: '{{code}}: {{message}}',
  /** The restriction after the setup (`"restrict"` in the config). */
  restrictLabel: 'restrict',
  restrictRunning: 'running',
  restrictDone: '{{outcome}}: {{summary}}',
  done: 'Done: "{{name}}" is reachable through its private endpoint.',
  privateProfile: 'Private profile: {{id}}',
  publicProfile: 'Public profile:  {{id}}',
  testAgain: 'Test it again any time: pse-wizard test {{id}}',
  stoppedAt: 'Setup stopped at "{{step}}": {{code}}',
  detail: '({{detail}})',
  option: '  - {{label}}: {{detail}}',
  notFinished: 'The setup did not finish.',
  resume: 'Run the same command again to resume.',
  restrictStopped: 'The instance and its profiles are ready; fix the networks in the config and run the same command again.'
}
