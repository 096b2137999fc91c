import { BaseService, type UserOptions } from 'ibm-cloud-sdk-core'

type Response = Promise<{ result: unknown; status: number; headers: Record<string, unknown> }>

/**
 * Cloud Databases v5 (API-FACTS §e) has no Node SDK: this is the small typed part we need, on
 * the SDK's BaseService so it shares the IAM authenticator, timeouts and error formatting.
 * Deployment ids are CRNs and are URL-encoded into the path (`/` becomes `%2F`).
 * The service URL is the deployment's own region: other regions answer 404.
 */
export class CloudDatabasesV5 extends BaseService {
  static override DEFAULT_SERVICE_NAME = 'cloud_databases'

  constructor(options: UserOptions & { serviceUrl: string }) {
    super(options)
    this.setServiceUrl(options.serviceUrl)
  }

  listDeployables(): Response {
    return this.send('GET', '/deployables')
  }

  listRegions(): Response {
    return this.send('GET', '/regions')
  }

  getDeployment(id: string): Response {
    return this.send('GET', `/deployments/${enc(id)}`)
  }

  /** PATCH …/users/{user_type}/{username} {"user":{"password"}} → 202 {"task"} (the admin password). */
  updateUser(id: string, userType: string, username: string, user: { password: string; role?: string }): Response {
    return this.send('PATCH', `/deployments/${enc(id)}/users/${enc(userType)}/${enc(username)}`, { user })
  }

  getConnection(id: string, userType: string, userId: string, endpointType: 'public' | 'private'): Response {
    return this.send('GET', `/deployments/${enc(id)}/users/${enc(userType)}/${enc(userId)}/connections/${endpointType}`)
  }

  getTask(taskId: string): Response {
    return this.send('GET', `/tasks/${enc(taskId)}`)
  }

  listDeploymentTasks(id: string): Response {
    return this.send('GET', `/deployments/${enc(id)}/tasks`)
  }

  getAllowlist(id: string): Response {
    return this.send('GET', `/deployments/${enc(id)}/allowlists/ip_addresses`)
  }

  /** PUT the whole list (as Terraform does), then wait for the task. `ifMatch`: the ETag of the GET, when there was one. */
  setAllowlist(id: string, entries: Array<{ address: string; description: string }>, ifMatch?: string): Response {
    return this.send('PUT', `/deployments/${enc(id)}/allowlists/ip_addresses`, { ip_addresses: entries }, ifMatch ? { 'If-Match': ifMatch } : {})
  }

  addAllowlistEntry(id: string, entry: { address: string; description?: string }): Response {
    return this.send('POST', `/deployments/${enc(id)}/allowlists/ip_addresses`, { ip_address: entry })
  }

  deleteAllowlistEntry(id: string, address: string): Response {
    return this.send('DELETE', `/deployments/${enc(id)}/allowlists/ip_addresses/${enc(address)}`)
  }

  private send(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Response {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return this.createRequest({
      options: { url: path, method, ...(body !== undefined ? { body } : {}) },
      defaultOptions: { ...this.baseOptions, headers: { ...(this.baseOptions.headers ?? {}), ...headers } }
    }) as unknown as Response
  }
}

const enc = (s: string) => encodeURIComponent(s)
