/**
 * The account prerequisites every generation checks (API key, CLI, login, plugin, VRF, service
 * endpoints): details and advice with `{{name}}` parameters (i18next's syntax; the main process
 * fills them with fillMessage for its English). Japanese in ja.ts with the same keys.
 */
export const prereqGen1En = {
  detail: {
    apiKeyName: 'Key "{{name}}"',
    cliVersion: 'Version {{version}} at {{path}}',
    loginIsolated: 'Logged in with the API key in PSE Wizard’s own CLI folder',
    loginOwn: 'Using your own ibmcloud login',
    pluginVersion: 'Version {{version}}',
    pluginUpdate: 'Version {{version}}; a newer version is available',
    flagMissing: '"ibmcloud account show" printed no "{{line}}" line'
  },
  advice: {
    apiKeyMissing: 'Enter an API key on the Account step (create one under Manage > Access (IAM) > API keys), or set IBMCLOUD_API_KEY.',
    apiKeyCheck: 'Check the key on the Account step; create a new one under Manage > Access (IAM) > API keys if it was deleted.',
    cliInstall: 'Install the IBM Cloud CLI, or set its path in Settings.',
    loginIsolated: 'Check the API key on the Account step.',
    loginOwn: 'Run "ibmcloud login" in a terminal, or turn off "Use my own ibmcloud CLI login" in Settings.',
    pluginInstall: 'Install the plugin (PSE Wizard can do it for you).',
    pluginUpdate: 'Update the plugin to get the latest fixes.',
    vrfNeedsCli: 'Needs the CLI: "ibmcloud account show" is the only place IBM Cloud reports it.',
    cliUpdate: 'Update the IBM Cloud CLI ("ibmcloud update") and check again.',
    vrfCase: 'Only IBM can enable VRF: open a support case with this text: "{{caseText}}" It cannot be disabled afterwards. Check again once IBM confirms.',
    endpointsNeedVrf: 'Service endpoints need VRF first (see above); then enable them with the command below.',
    endpointsEnable:
      'Enable service endpoints for the account with the command below (account owner or a user with the classic permission "Manage private endpoint service").'
  }
}
