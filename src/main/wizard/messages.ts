import type { EndpointType, PrereqItem } from '../../shared/schemas/ibmcloud'
import type { PrivatePathOption } from '../../shared/schemas/wizard'
import { sayers } from '../util/say'

/**
 * Every sentence the wizard says to the user, in English. Each is a function of the facts it
 * names, under a stable id (its key here), so another language can say the same from the same
 * facts. The logic never builds a user-facing sentence itself.
 */
export const wizardMessages = {
  internal: () => 'Something went wrong inside PSE Wizard. Try again; if it persists, report it with the details.',
  busy: () => 'The wizard is still working on a step. Wait for it to finish, or cancel it first.',
  busyElsewhere: (p: { holderPid: number | null; inThisProcess: boolean; otherHost: string | null; runningStep: string | null }) => {
    const who =
      p.holderPid !== null
        ? `Another PSE Wizard process (${p.inThisProcess ? 'in this process' : `process ${p.holderPid}`}${p.otherHost !== null ? ` on ${p.otherHost}` : ''})`
        : 'Another PSE Wizard process'
    const what = p.runningStep !== null ? `the "${p.runningStep}" step of this setup` : 'this setup'
    return `${who} is working on ${what} with the same data folder (the desktop app, or "pse-wizard setup" in a terminal). Wait for it to finish there, or stop it, then try again.`
  },
  stateHeldSecret: () => 'PSE Wizard refused to save the wizard state because it contained a secret. Please report this problem.',
  stepNotReached: () => 'That step is not reached yet. Finish the current step first.',

  signInFirst: () => 'Sign in on the Account step first.',
  environmentKeyMissing: () => 'IBMCLOUD_API_KEY is not set. Set it, or enter an API key on the Account step.',
  keychainKeyMissing: () => 'No API key is saved in the keychain. Enter one on the Account step.',

  checkPrerequisitesFirst: () => 'Check the prerequisites first.',
  vrfDisabled: () =>
    'VRF is not enabled for this account, and private service endpoints need it. Only IBM can enable it: open a support case with the text below (VRF cannot be turned off again), then check again once IBM confirms.',
  supportCaseOpen: (p: { caseNumber: string }) =>
    `VRF is still off. Support case ${p.caseNumber} asks IBM to enable it: check again once IBM resolves it (PSE Wizard reads the case and VRF each time).`,
  supportCaseNotNeeded: () => 'A support case is opened only when VRF is off on a classic (Gen 1) account. Check the prerequisites first.',
  serviceEndpointsDisabled: () =>
    'Service endpoints are not enabled for this account. Run the command below (account owner or a user allowed to manage private endpoints), then check again.',
  prerequisiteUnavailable: (p: Pick<PrereqItem, 'label' | 'detail'>) => `${p.label}: ${p.detail ?? 'not available'}.`,
  gen2NotOffered: (p: Pick<PrereqItem, 'detail' | 'advice'>) => `${p.detail ?? 'IBM Cloud does not offer Gen 2 in this region.'} ${p.advice ?? ''}`.trim(),
  gen2RegionFirst: () => 'Choose the region for Gen 2 first: its VPC, subnets and Gen 2 deployment are checked there.',
  gen2VpcMissing: (p: { region: string; what: 'vpc' | 'subnet' }) =>
    p.what === 'vpc'
      ? `Gen 2 is reached only from a VPC in ${p.region}, and there is none. Create one (command below, or in the console), add a subnet, then check again.`
      : `The VPCs in ${p.region} have no subnet, and the VPE gateway needs one. Create a subnet (command below, or in the console), then check again.`,

  gen2HostFlavorFirst: () => 'Choose a host flavor for the Gen 2 instance.',
  gen1NotInRegion: (p: { region: string }) => `Databases for Redis Gen 1 is not offered in ${p.region}. Choose another region, or Gen 2.`,
  gen2NotInRegion: (p: { region: string; offered: string }) =>
    `Gen 2 is offered only in ${p.offered}, not in ${p.region}. Choose one of those regions, or Gen 1.`,
  gen2Unreadable: (p: { region: string; detail: string }) =>
    `Could not read what Gen 2 needs in ${p.region} (${p.detail}). Gen 1 can still be deployed; check the VPC Viewer role, then reload.`,
  gen2NoVpcInRegion: (p: { region: string }) =>
    `Gen 2 is reached only from a VPC in ${p.region}, and there is none. Create a VPC with a subnet there, or choose Gen 1.`,
  gen2NoSubnetInRegion: (p: { region: string }) =>
    `The VPCs in ${p.region} have no subnet, and Gen 2's private endpoint needs one. Create a subnet, or choose Gen 1.`,

  waitStillTrying: (p: { ibmMessage: string }) => `${p.ibmMessage} PSE Wizard keeps waiting and asks again.`,
  waitUntilReady: () => 'Wait until the instance is ready.',

  passwordRejected: (p: { problems: string[] }) => `This password does not meet IBM Cloud Databases' rules: ${p.problems.join(' ')}`,
  noAdminPasswordYet: () => 'No admin password has been set yet.',
  adminPasswordGone: () => 'The admin password is no longer in the keychain. Set a new one on this step.',
  setPasswordFirst: () => 'Set the admin password first.',
  gen2HasNoAdminPassword: () =>
    'A Gen 2 instance has no admin user or admin password: create its credentials (a service key with the Manager role) on this step instead.',
  gen1HasAdminPassword: () => 'A Gen 1 instance has an admin user: set its password on this step. Service-key credentials instead of it are for Gen 2 instances.',
  gen2KeyUnreadable: (p: { keyName: string; instanceName: string; deleteCommand: string }) =>
    `A service key named "${p.keyName}" already exists on "${p.instanceName}", but its credentials are not in this computer’s keychain, and IBM Cloud shows a Gen 2 key’s credentials only once, when it is created. Delete that key if nobody uses it (${p.deleteCommand}) and try again, or create the credentials under another name.`,
  gen2KeyRoleMismatch: (p: { keyName: string; role: string; wanted: string }) =>
    `A service key named "${p.keyName}" already exists with the ${p.role} role, not ${p.wanted}. Choose another name for the ${p.wanted} key.`,
  gen2CredentialsGone: () => 'The Manager key’s password is no longer in the keychain. Create new credentials on this step (under another name).',
  gen2CredentialsFirst: () => 'Create the credentials (the Manager service key) on step 5 first.',

  fetchConnectionFirst: () => 'Fetch the connection information first.',
  noPrivateEndpoint: (p: { instanceName: string }) =>
    `"${p.instanceName}" has no private endpoint. Enable it (ibmcloud resource service-instance-update ${p.instanceName} --service-endpoints public-and-private), or deploy a new instance with private endpoints.`,

  gen2ConnectionNotYet: () => 'The instance does not show its connection details (its extensions) yet. Wait a minute, then try again.',
  vpeNoVpc: () =>
    'Choose the VPC for the VPE gateway on the Deploy step first: a Gen 2 instance is reached only through a VPE gateway in a VPC of its region.',
  vpeSubnetsGone: (p: { vpcId: string }) =>
    `The subnets chosen for the VPE gateway are no longer in the VPC ${p.vpcId}. Choose the subnets again on the Deploy step, then try again.`,
  vpeSecurityGroupNeeded: (p: { port: number }) =>
    `The VPE gateway needs a security group that admits TCP ${p.port} from your client subnets. Choose one of the VPC's security groups, or agree that PSE Wizard creates one, then try again.`,
  vpeSecurityGroupUnknown: (p: { securityGroupId: string }) =>
    `The security group ${p.securityGroupId} is not in this VPC. Choose one of the VPC's security groups, or let PSE Wizard create one.`,
  vpeFailed: (p: { name: string; reasons: string }) =>
    `The VPE gateway ${p.name} ended in the failed state${p.reasons ? ` (IBM Cloud says: "${p.reasons}")` : ''}. Try again: PSE Wizard deletes the failed gateway and creates a new one (never two). If it fails again, check your role on VPC Infrastructure Services and the IBM Cloud status page.`,

  createServiceKeyFirst: () => 'Create the private service key first.',
  noPublicEndpoint: () => 'This instance has no public endpoint.',
  endpointPasswordGone: () =>
    'The password for this endpoint is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).',
  endpointTestFailed: (p: { endpoint: EndpointType; probeMessage: string | null }) =>
    `The ${p.endpoint} endpoint test failed: ${p.probeMessage ?? 'see the timeline'}`,
  privateUnreachableWhy: () =>
    'This computer cannot reach the private endpoint: it is only reachable from inside IBM Cloud’s private network (a VSI, a cluster, VPN or Direct Link).',
  privateUnreachable: (p: { why: string }) =>
    `${p.why} The instance and its private key are fine: save the profiles, then test the private one through a bastion host or from a pod in your cluster.`,

  runTestFirst: () => 'Run the connection test first.',
  profilePasswordGone: () => 'A password is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).',
  profileSavingUnavailable: () => 'Saving profiles is not available in this build yet.',

  notTheWizardsInstance: () => 'This is not the wizard’s instance.',
  typeNameToDelete: (p: { instanceName: string }) => `To delete the instance, type its name exactly: ${p.instanceName}`
} as const

export type WizardMessageId = keyof typeof wizardMessages

/** The command the "service endpoints disabled" message points at (a command, never translated). */
export const ENABLE_SERVICE_ENDPOINTS_COMMAND = 'ibmcloud account update --service-endpoint-enable true'

/** Other ways to test a private endpoint from here, as the test step offers them. */
export const privatePathOptions = (): PrivatePathOption[] => [
  {
    kind: 'bastion',
    available: true,
    label: 'Through an SSH bastion host',
    detail: 'A VSI on IBM Cloud’s private network (the seed’s virtualserver01). Save the profiles, then test the private profile through the bastion.'
  },
  {
    kind: 'pod',
    available: true,
    label: 'From a pod in your OpenShift / Kubernetes cluster',
    detail: 'Save the profiles, then test the private profile from a pod: PSE Wizard starts a short-lived pod with oc or kubectl and deletes it afterwards.'
  },
  {
    kind: 'vpn',
    available: false,
    label: 'Over a VPN or Direct Link',
    detail: 'Connect this computer to IBM Cloud’s private network (client VPN for VPC, classic SSL VPN or Direct Link), then run the test again here.'
  }
]

/**
 * The same messages as a failure's `message` plus `params` naming the message (`say`) and its
 * facts, so a front end words it in its own language (src/shared/i18n/wizard-say).
 */
export const wizardSay = sayers<typeof wizardMessages, WizardMessageId>(wizardMessages)
