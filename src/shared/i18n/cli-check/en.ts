/** What `pse-wizard check` prints for people around the items (their words come from setup.prereq / prereqGen2). */
export const cliCheckEn = {
  title: 'PSE Wizard check',
  titleGen2: 'PSE Wizard check: {{heading}}',
  sandbox: '{{title}} (SANDBOX: nothing here is IBM Cloud)',
  /** Between an item's name and its detail. */
  detailSeparator: ': ',
  ready: 'Everything is ready.',
  attention: 'Some items need attention (see above).'
}
