import { AppFailure } from '../../shared/errors'
import { IbmCodes } from './errors'

/** Where each IBM Cloud API lives. `cloudDatabases(region)` gives the v5 base URL ending in `/v5/ibm`. */
export interface Endpoints {
  iam: string
  resourceController: string
  resourceManager: string
  accountManagement: string
  cloudDatabases(region: string): string
  /** The VPC API base URL for a region, ending in `/v1`. */
  vpc(region: string): string
  /** Context-based restrictions (global). */
  contextBasedRestrictions: string
  /** The Global Catalog API, ending in `/api/v1` (Gen 2 deployments per region). */
  globalCatalog: string
  /** Case Management (support cases), ending in `/case-management/v1` (global). */
  caseManagement: string
}

const PUBLIC = {
  iam: 'https://iam.cloud.ibm.com',
  resourceController: 'https://resource-controller.cloud.ibm.com',
  accountManagement: 'https://accounts.cloud.ibm.com',
  cloudDatabases: 'https://api.{region}.databases.cloud.ibm.com/v5/ibm',
  vpc: 'https://{region}.iaas.cloud.ibm.com/v1',
  globalCatalog: 'https://globalcatalog.cloud.ibm.com/api/v1'
}

// API-FACTS §1: private RC/RM and account hosts exist only in us-south and us-east.
const PRIVATE = {
  iam: 'https://private.iam.cloud.ibm.com',
  resourceController: 'https://private.us-south.resource-controller.cloud.ibm.com',
  accountManagement: 'https://private.us-south.accounts.cloud.ibm.com',
  cloudDatabases: 'https://api.{region}.private.databases.cloud.ibm.com/v5/ibm',
  vpc: 'https://{region}.private.iaas.cloud.ibm.com/v1',
  // API-FACTS §1: the private Global Catalog host exists in us-south (and us-east).
  globalCatalog: 'https://private.us-south.globalcatalog.cloud.ibm.com/api/v1'
}

export interface EndpointOptions {
  /** The "use private API endpoints" setting. An explicit environment variable still wins. */
  privateEndpoints?: boolean
}

/**
 * Endpoints from the variables IBM's own tools read (IBMCLOUD_*_API_ENDPOINT), else the public
 * (or private) defaults. A value containing `{region}` is a template; otherwise it is used for
 * every region. A Cloud Databases value without a `/v5/<platform>` suffix gets `/v5/ibm`
 * appended, so both spellings people use work.
 */
export function resolveEndpoints(env: NodeJS.ProcessEnv, options: EndpointOptions = {}): Endpoints {
  const base = options.privateEndpoints ? PRIVATE : PUBLIC
  const pick = (name: string, fallback: string) => checkUrl(name, trimSlash(env[name]?.trim() || fallback))
  const resourceController = pick('IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT', base.resourceController)
  const resourceManager = pick('IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT', base.resourceController)
  const icd = trimSlash(env.IBMCLOUD_ICD_API_ENDPOINT?.trim() || base.cloudDatabases)
  const icdBase = /\/v5\/[a-z]+$/.test(icd) ? icd : `${icd}/v5/ibm`
  checkUrl('IBMCLOUD_ICD_API_ENDPOINT', icdBase.replace('{region}', 'us-south'))
  // IBM's own variable for the VPC API is a URL ending in /v1, as in IBM's docs.
  const vpcBase = trimSlash(env.IBMCLOUD_IS_NG_API_ENDPOINT?.trim() || base.vpc)
  checkUrl('IBMCLOUD_IS_NG_API_ENDPOINT', vpcBase.replace('{region}', 'us-south'))
  return {
    iam: pick('IBMCLOUD_IAM_API_ENDPOINT', base.iam),
    resourceController,
    resourceManager,
    accountManagement: pick('IBMCLOUD_ACCOUNT_MANAGEMENT_API_ENDPOINT', base.accountManagement),
    cloudDatabases: (region: string) => icdBase.split('{region}').join(checkRegion(region)),
    vpc: (region: string) => vpcBase.split('{region}').join(checkRegion(region)),
    // The SDK's own variable (<SERVICE_NAME>_URL). CBR's private host is UNVERIFIED: public unless set.
    contextBasedRestrictions: pick('CONTEXT_BASED_RESTRICTIONS_URL', 'https://cbr.cloud.ibm.com'),
    // The SDK's own variable (GlobalCatalogV1's service name is global_catalog).
    globalCatalog: pick('GLOBAL_CATALOG_URL', base.globalCatalog),
    // The SDK's own variable (CaseManagementV1's service name is case_management). A private host is UNVERIFIED: public unless set.
    caseManagement: pick('CASE_MANAGEMENT_URL', 'https://support-center.cloud.ibm.com/case-management/v1')
  }
}

function checkRegion(region: string): string {
  if (!/^[a-z0-9-]{2,32}$/.test(region))
    throw new AppFailure({ code: IbmCodes.badRequest, message: `"${region}" is not a region name. Choose a region from the list.` })
  return region
}

const trimSlash = (s: string) => s.replace(/\/+$/, '')

/** https everywhere; plain http only to a loopback address (the emulator, a local proxy). */
function checkUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppFailure({ code: IbmCodes.insecureEndpoint, message: `${name} is not a valid URL. Fix or unset it and try again.`, detail: value })
  }
  if (url.protocol === 'https:') return value
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return value
  throw new AppFailure({
    code: IbmCodes.insecureEndpoint,
    message: `${name} must be an https:// URL (plain http is allowed only to this computer). Fix or unset it and try again.`,
    detail: value
  })
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}
