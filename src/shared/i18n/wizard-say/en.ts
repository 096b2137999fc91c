/**
 * The setup wizard's failures, by the message id main names in a failure's `params.say`
 * (src/main/wizard/messages.ts), worded from the facts the params carry.
 */
export const wizardSayEn = {
  internal: 'Something went wrong inside PSE Wizard. Try again; if it persists, report it with the details.',
  busy: 'The wizard is still working on a step. Wait for it to finish, or cancel it first.',
  busyElsewhere: 'Another PSE Wizard process is working on this setup with the same data folder (the desktop app, or "pse-wizard setup" in a terminal). Wait for it to finish there, or stop it, then try again.',
  stateHeldSecret: 'PSE Wizard refused to save the wizard state because it contained a secret. Please report this problem.',
  stepNotReached: 'That step is not reached yet. Finish the current step first.',
  signInFirst: 'Sign in on the Account step first.',
  environmentKeyMissing: 'IBMCLOUD_API_KEY is not set. Set it, or enter an API key on the Account step.',
  keychainKeyMissing: 'No API key is saved in the keychain. Enter one on the Account step.',
  checkPrerequisitesFirst: 'Check the prerequisites first.',
  vrfDisabled:
    'VRF is not enabled for this account, and private service endpoints need it. Only IBM can enable it: open a support case with the text below (VRF cannot be turned off again), then check again once IBM confirms.',
  supportCaseOpen:
    'VRF is still off. Support case {{caseNumber}} asks IBM to enable it: check again once IBM resolves it (PSE Wizard reads the case and VRF each time).',
  supportCaseNotNeeded: 'A support case is opened only when VRF is off on a classic (Gen 1) account. Check the prerequisites first.',
  serviceEndpointsDisabled:
    'Service endpoints are not enabled for this account. Run the command below (account owner or a user allowed to manage private endpoints), then check again.',
  prerequisiteUnavailable: 'The prerequisite “{{label}}” is not available: {{detail}}.',
  gen2NotOffered: 'IBM Cloud does not offer Databases for Redis Gen 2 in this region. Choose another region, or Gen 1.',
  gen2RegionFirst: 'Choose the region for Gen 2 first: its VPC, subnets and Gen 2 deployment are checked there.',
  gen2VpcMissing: 'Gen 2 is reached only from a VPC in {{region}}, with a subnet. Create what is missing (command below, or in the console), then check again.',
  gen2HostFlavorFirst: 'Choose a host flavor for the Gen 2 instance.',
  gen1NotInRegion: 'Databases for Redis Gen 1 is not offered in {{region}}. Choose another region, or Gen 2.',
  gen2NotInRegion: 'Gen 2 is offered only in {{offered}}, not in {{region}}. Choose one of those regions, or Gen 1.',
  gen2Unreadable: 'Could not read what Gen 2 needs in {{region}} ({{detail}}). Gen 1 can still be deployed; check the VPC Viewer role, then reload.',
  gen2NoVpcInRegion: 'Gen 2 is reached only from a VPC in {{region}}, and there is none. Create a VPC with a subnet there, or choose Gen 1.',
  gen2NoSubnetInRegion: 'The VPCs in {{region}} have no subnet, and Gen 2’s private endpoint needs one. Create a subnet, or choose Gen 1.',
  waitStillTrying: 'IBM Cloud did not answer this time. PSE Wizard keeps waiting and asks again.',
  waitUntilReady: 'Wait until the instance is ready.',
  passwordRejected: 'This password does not meet IBM Cloud Databases’ rules. Generate one, or follow the rules shown by the field.',
  noAdminPasswordYet: 'No admin password has been set yet.',
  adminPasswordGone: 'The admin password is no longer in the keychain. Set a new one on this step.',
  setPasswordFirst: 'Set the admin password first.',
  gen2HasNoAdminPassword:
    'A Gen 2 instance has no admin user or admin password: create its credentials (a service key with the Manager role) on this step instead.',
  gen1HasAdminPassword: 'A Gen 1 instance has an admin user: set its password on this step. Service-key credentials instead of it are for Gen 2 instances.',
  gen2KeyUnreadable:
    'A service key named “{{keyName}}” already exists on “{{instanceName}}”, but its credentials are not in this computer’s keychain, and IBM Cloud shows a Gen 2 key’s credentials only once, when it is created. Delete that key if nobody uses it ({{deleteCommand}}) and try again, or create the credentials under another name.',
  gen2KeyRoleMismatch: 'A service key named “{{keyName}}” already exists with the {{role}} role, not {{wanted}}. Choose another name for the {{wanted}} key.',
  gen2CredentialsGone: 'The Manager key’s password is no longer in the keychain. Create new credentials on this step (under another name).',
  gen2CredentialsFirst: 'Create the credentials (the Manager service key) on step 5 first.',
  fetchConnectionFirst: 'Fetch the connection information first.',
  noPrivateEndpoint:
    '“{{instanceName}}” has no private endpoint. Enable it (ibmcloud resource service-instance-update {{instanceName}} --service-endpoints public-and-private), or deploy a new instance with private endpoints.',
  gen2ConnectionNotYet: 'The instance does not show its connection details (its extensions) yet. Wait a minute, then try again.',
  vpeNoVpc: 'Choose the VPC for the VPE gateway on the Deploy step first: a Gen 2 instance is reached only through a VPE gateway in a VPC of its region.',
  vpeSubnetsGone: 'The subnets chosen for the VPE gateway are no longer in the VPC {{vpcId}}. Choose the subnets again on the Deploy step, then try again.',
  vpeSecurityGroupNeeded:
    "The VPE gateway needs a security group that admits TCP {{port}} from your client subnets. Choose one of the VPC's security groups, or agree that PSE Wizard creates one, then try again.",
  vpeSecurityGroupUnknown: "The security group {{securityGroupId}} is not in this VPC. Choose one of the VPC's security groups, or let PSE Wizard create one.",
  vpeFailed:
    'The VPE gateway {{name}} ended in the failed state (IBM Cloud says: "{{reasons}}"). Try again: PSE Wizard deletes the failed gateway and creates a new one (never two). If it fails again, check your role on VPC Infrastructure Services and the IBM Cloud status page.',
  createServiceKeyFirst: 'Create the private service key first.',
  noPublicEndpoint: 'This instance has no public endpoint.',
  endpointPasswordGone:
    'The password for this endpoint is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).',
  endpointTestFailed: 'The {{endpoint}} endpoint test failed ({{result}}): the timeline shows where and what to do.',
  privateUnreachableWhy:
    'This computer cannot reach the private endpoint: it is only reachable from inside IBM Cloud’s private network (a VSI, a cluster, VPN or Direct Link).',
  privateUnreachable:
    'This computer cannot reach the private endpoint. The instance and its private key are fine: save the profiles, then test the private one through a bastion host or from a pod in your cluster.',
  runTestFirst: 'Run the connection test first.',
  profilePasswordGone: 'A password is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).',
  profileSavingUnavailable: 'Saving profiles is not available in this build yet.',
  notTheWizardsInstance: 'This is not the wizard’s instance.',
  typeNameToDelete: 'To delete the instance, type its name exactly: {{instanceName}}'
}
