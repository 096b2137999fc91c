import { fillMessage } from '../../shared/i18n/fill'

/**
 * What an IBM Cloud request is for, by a stable id: a failure names it (params.op) and the
 * shared catalogue words it in each language (errors.ibmOp, src/shared/i18n/errors). The
 * English verb phrase here completes main's own sentence ("… while trying to <what>").
 */
export const ibmOperations = {
  signIn: 'sign in with the API key',
  readApiKeyDetails: 'read the API key details',
  readAccountName: 'read the account name',
  listResourceGroups: 'list resource groups',
  listInstances: 'list Databases for Redis instances',
  readInstance: 'read the Databases for Redis instance',
  createInstance: 'create the Databases for Redis instance',
  deleteInstance: 'delete the Databases for Redis instance',
  changeEndpoints: 'change the instance endpoints',
  listServiceKeys: 'list the service keys of the instance',
  createServiceKey: 'create the service key',
  createRoleServiceKey: 'create the {{keyRole}} service key',
  listRegions: 'list Cloud Databases regions',
  listVersions: 'list Redis versions',
  readDeployment: 'read the Cloud Databases deployment',
  setAdminPassword: 'set the admin password',
  readPrivateConnection: 'read the private connection information',
  readPublicConnection: 'read the public connection information',
  readAllowlist: 'read the IP allowlist',
  addAllowlistEntry: 'add an IP allowlist entry',
  removeAllowlistEntry: 'remove an IP allowlist entry',
  replaceAllowlist: 'replace the IP allowlist',
  updateAllowlist: 'update the IP allowlist',
  applyRestriction: 'apply the restriction',
  listInstanceTasks: 'list the instance tasks',
  followTask: 'follow the task to {{task}}',
  listZones: 'list the network zones',
  createZone: 'create the network zone',
  replaceZone: 'replace the network zone',
  readZone: 'read the network zone',
  deleteZone: 'delete the network zone',
  listRules: 'list the context-based restriction rules',
  createRule: 'create the restriction rule',
  readRule: 'read the restriction rule',
  replaceRule: 'replace the restriction rule',
  deleteRule: 'delete the restriction rule',
  restoreRule: 'put the restriction rule back',
  readGen2Catalog: 'read the Gen 2 deployments of Databases for Redis in the Global Catalog',
  readSupportCase: 'read support case {{caseNumber}}',
  findSupportCase: 'look for the support case already opened',
  openSupportCase: 'open the support case',
  listVpcs: 'list the VPCs in {{vpcRegion}}',
  listSubnets: 'list the subnets of the VPC',
  listSecurityGroups: 'list the security groups of the VPC',
  createSecurityGroup: 'create the security group for the VPE gateway',
  listVpeGateways: 'list the VPE gateways of the VPC',
  createVpeGateway: 'create the VPE gateway',
  readVpeGateway: 'read the VPE gateway',
  deleteFailedVpeGateway: 'delete the failed VPE gateway'
} as const
export type IbmOperation = keyof typeof ibmOperations

/** The operations a Cloud Databases task finishes (followTask's {{task}}). */
export type IbmTask = 'setAdminPassword' | 'updateAllowlist' | 'applyRestriction'

/** The IAM access a 403 means is missing, by a stable id (errors.ibmRole in the catalogue). */
export const ibmRoles = {
  missing: 'the missing IAM role',
  viewerResourceGroup: 'the Viewer platform role on at least one resource group',
  viewerRedis: 'the Viewer platform role on Databases for Redis (and on the resource group)',
  editorRedis: 'the Editor platform role on Databases for Redis and the Viewer role on the resource group',
  viewerInstance: 'the Viewer platform role on this Databases for Redis instance',
  editorInstance: 'the Editor platform role on this Databases for Redis instance',
  operatorInstance: 'the Operator, Editor or Administrator platform role on this Databases for Redis instance',
  adminOrEditorInstance: 'the Administrator or Editor platform role on this Databases for Redis instance',
  managerInstance: 'the Manager service role on this Databases for Redis instance',
  keysInstance: 'the Editor platform role (to create keys) and the Manager service role on this Databases for Redis instance',
  editorCbr: 'the Editor or Administrator role on Context-based restrictions',
  administratorRedis: 'the Administrator role on Databases for Redis (to restrict it)',
  editorSupport: 'the Editor role on the Support Center service (to open and view support cases)',
  viewerVpc: 'the Viewer platform role on VPC Infrastructure Services',
  editorVpe: 'the Editor platform role on VPC Infrastructure Services (endpoint gateways and security groups)'
} as const
export type IbmRole = keyof typeof ibmRoles

/** The facts an operation's words take (flat strings: they travel in a failure's params). */
export type OperationFacts = {
  keyRole?: string
  task?: IbmTask
  caseNumber?: string
  vpcRegion?: string
}

/** The English verb phrase of an operation, its facts filled in. */
export function operationWords(op: IbmOperation, facts: OperationFacts = {}): string {
  const task = facts.task ? ibmOperations[facts.task] : undefined
  return fillMessage(ibmOperations[op], { ...facts, ...(task ? { task } : {}) } as Record<string, string>)
}
