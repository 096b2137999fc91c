/** What `pse-wizard test` prints around the phases (src/cli/commands/test-output.ts). */
export const cliTestEn = {
  testingTls: 'Testing {{endpoint}} (TLS)',
  testingPlain: 'Testing {{endpoint}} (plain text)',
  via: 'via {{connectedTo}}',
  passed: 'OK: {{summary}}',
  failed: 'FAILED ({{code}}): {{title}}',
  advice: 'What to do: {{advice}}',
  summary: {
    connected: 'Connected to {{endpoint}}',
    tlsVerified: '{{protocol}}, certificate verified',
    tlsInsecure: '{{protocol}}, certificate NOT verified (insecure)',
    ping: 'PING p50 {{p50}} ms',
    readOnly: 'read-only user',
    redis: 'Redis {{version}}',
    end: '.'
  }
}
