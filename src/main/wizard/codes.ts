/** The wizard's own failure codes (stable: the UI, the CLI and the tests key on them). */
export const WizardCodes = {
  busy: 'wizard_busy',
  busyElsewhere: 'wizard_busy_elsewhere',
  notReady: 'not_ready',
  vrfDisabled: 'wizard_vrf_disabled',
  serviceEndpointsDisabled: 'wizard_service_endpoints_disabled',
  prerequisitesFailed: 'wizard_prerequisites_failed',
  vpcMissing: 'wizard_vpc_missing',
  gen2NotOffered: 'wizard_gen2_not_offered',
  nameMismatch: 'wizard_name_mismatch',
  noPrivateEndpoint: 'wizard_no_private_endpoint',
  testFailed: 'wizard_test_failed',
  privateUnreachable: 'wizard_private_unreachable',
  passwordMissing: 'wizard_password_missing',
  /** Gen 2: a key of that name exists, but its credentials (shown once) are neither in the keychain nor shown again. */
  gen2KeyUnreadable: 'wizard_key_unreadable',
  gen2KeyConflict: 'wizard_key_conflict'
} as const
