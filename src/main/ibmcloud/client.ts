import ResourceControllerV2 from '@ibm-cloud/platform-services/resource-controller/v2'
import ResourceManagerV2 from '@ibm-cloud/platform-services/resource-manager/v2'
import IamIdentityV1 from '@ibm-cloud/platform-services/iam-identity/v1'
import AccountManagementV4 from '@ibm-cloud/platform-services/account-management/v4'
import type { AuthenticatorInterface } from 'ibm-cloud-sdk-core'
import { AppFailure } from '../../shared/errors'
import { CloudDatabasesV5 } from './cloud-databases'
import { resolveEndpoints, type Endpoints } from './endpoints'
import { IbmCodes } from './errors'
import { RefreshingIamAuthenticator, checkApiKeyShape } from './iam'
import { Requester, defaultRetryPolicy, type RetryPolicy } from './request'

/** What the clients need from an authenticator: the SDK interface, plus dropping a token and reading it. */
export interface IbmAuth extends AuthenticatorInterface {
  invalidate(): void
  accessToken(): Promise<string>
  /** The API key, when signed in with one (not with a CLI session). */
  apiKey?(): string
}

export interface IbmCloudOptions {
  /** Sign in with an API key (IAM) ... */
  apiKey?: string
  /** ... or with another authenticator, e.g. the user's CLI session (CliSessionAuthenticator). */
  auth?: IbmAuth
  env?: NodeJS.ProcessEnv
  privateEndpoints?: boolean
  /** Per-request timeout (token requests too). */
  timeoutMs?: number
  retryPolicy?: RetryPolicy
}

/** Everything one signed-in session needs: the SDK clients on one authenticator, and the request rules. */
export interface IbmCloudClient {
  readonly endpoints: Endpoints
  readonly auth: IbmAuth
  readonly requester: Requester
  readonly resourceController: ResourceControllerV2
  readonly resourceManager: ResourceManagerV2
  readonly iamIdentity: IamIdentityV1
  readonly accountManagement: AccountManagementV4
  /** The Cloud Databases v5 client for one region (cached). */
  cloudDatabases(region: string): CloudDatabasesV5
}

export const DEFAULT_TIMEOUT_MS = 30_000
/** The largest answer read from an IBM Cloud API (the SDK's own default is unlimited). */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024

export function createIbmCloudClient(options: IbmCloudOptions): IbmCloudClient {
  const endpoints = resolveEndpoints(options.env ?? process.env, { privateEndpoints: options.privateEndpoints })
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let auth: IbmAuth
  if (options.auth) auth = options.auth
  else if (options.apiKey) auth = new RefreshingIamAuthenticator({ apikey: checkApiKeyShape(options.apiKey), url: endpoints.iam, timeoutMs: timeout })
  else throw new AppFailure({ code: IbmCodes.apiKeyMissing, message: 'No IBM Cloud API key is set. Enter one on the Account step (or set IBMCLOUD_API_KEY).' })
  // `timeout` and `maxContentLength` are passed through to axios by the SDK's RequestWrapper.
  const common = { authenticator: auth, timeout, maxContentLength: MAX_RESPONSE_BYTES }
  const cdb = new Map<string, CloudDatabasesV5>()
  return {
    endpoints,
    auth,
    requester: new Requester(auth, options.retryPolicy ?? defaultRetryPolicy),
    resourceController: new ResourceControllerV2({ ...common, serviceUrl: endpoints.resourceController }),
    resourceManager: new ResourceManagerV2({ ...common, serviceUrl: endpoints.resourceManager }),
    iamIdentity: new IamIdentityV1({ ...common, serviceUrl: endpoints.iam }),
    accountManagement: new AccountManagementV4({ ...common, serviceUrl: endpoints.accountManagement }),
    cloudDatabases(region: string) {
      let client = cdb.get(region)
      if (!client) {
        client = new CloudDatabasesV5({ ...common, serviceUrl: endpoints.cloudDatabases(region) })
        cdb.set(region, client)
      }
      return client
    }
  }
}
