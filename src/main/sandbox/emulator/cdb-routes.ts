import { randomUUID } from 'node:crypto'
import type { Emulator } from './server'
import type { RouteTable } from './router'
import { HttpError, parseJson } from './http'
import { CDB_REGIONS, REDIS_VERSIONS, connectionBody, deploymentBody, endpointEnabled, taskBody, type InstanceRecord } from './state'
import { enforce } from './enforcement'
import { newTask } from './tasks'

/** Cloud Databases v5, mounted at /cdb/{region}/v5/ibm so that every region has its own base URL. */
const P = ['cdb', ':region', 'v5', 'ibm']

const notFound = () => new HttpError(404, 'not_found', 'cdb', 'not_found')

/**
 * The deployment behind a CRN, answering only in its own region and only once it runs (else 404, as IBM does).
 * A Gen 2 instance has no v5 deployment ("Gen2 uses Resource Controller API only", facts §1.9): 404
 * `not_found` too — what v5 really answers for a Gen 2 CRN is UNVERIFIED; clients never ask it.
 */
function deployment(emu: Emulator, region: string, id: string): InstanceRecord {
  const i = emu.state.findInstance(id)
  if (!i || i.generation === 'gen2' || i.region !== region || i.state !== 'active' || !i.deployment.backend) throw notFound()
  return i
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/

export const cdbRoutes: RouteTable = [
  {
    id: 'cdb.regions',
    method: 'GET',
    path: [...P, 'regions'],
    auth: 'bearer',
    family: 'cdb',
    async handle() {
      return { status: 200, body: { regions: CDB_REGIONS } }
    }
  },
  {
    id: 'cdb.deployables',
    method: 'GET',
    path: [...P, 'deployables'],
    auth: 'bearer',
    family: 'cdb',
    async handle() {
      return {
        status: 200,
        body: {
          deployables: [
            { type: 'redis', versions: REDIS_VERSIONS },
            { type: 'postgresql', versions: [{ version: '16', status: 'stable', is_preferred: true, transitions: [] }] }
          ]
        }
      }
    }
  },
  {
    id: 'cdb.deployment.get',
    method: 'GET',
    path: [...P, 'deployments', ':id'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      return { status: 200, body: deploymentBody(deployment(emu, params.region, params.id)) }
    }
  },
  {
    id: 'cdb.users.update',
    method: 'PATCH',
    path: [...P, 'deployments', ':id', 'users', ':type', ':name'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params, body }) {
      const i = deployment(emu, params.region, params.id)
      if (params.type !== 'database') throw notFound()
      if (params.name !== 'admin' && !i.deployment.users.has(params.name)) throw notFound()
      const user = (parseJson(body, 'cdb').user ?? {}) as Record<string, unknown>
      const password = user.password
      // Server rule (data-faq): ≥15 characters, a letter and a number, upper and lower case.
      if (typeof password !== 'string' || password.length < 15 || !/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/[0-9]/.test(password)) {
        throw new HttpError(
          422,
          'Password must be at least 15 characters and contain a number, an upper-case and a lower-case letter',
          'cdb',
          'Password must be at least 15 characters and contain a number, an upper-case and a lower-case letter'
        )
      }
      const backend = i.deployment.backend!
      const task = newTask(emu, i, 'Setting user password for database', 'user', async () => {
        await backend.setUser(params.name, password)
        i.deployment.users.set(params.name, password)
      })
      return { status: 202, body: { task: taskBody(task) } }
    }
  },
  {
    id: 'cdb.connections.get',
    method: 'GET',
    path: [...P, 'deployments', ':id', 'users', ':type', ':name', 'connections', ':endpoint'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      const i = deployment(emu, params.region, params.id)
      const endpoint = params.endpoint
      if (endpoint !== 'public' && endpoint !== 'private') throw notFound()
      if (!endpointEnabled(i, endpoint)) throw notFound()
      return { status: 200, body: { connection: connectionBody(i, endpoint, params.name, '$PASSWORD', false) } }
    }
  },
  {
    id: 'cdb.tasks.get',
    method: 'GET',
    path: [...P, 'tasks', ':id'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      const t = emu.state.tasks.get(params.id)
      if (!t) throw notFound()
      const body = taskBody(t)
      // UNVERIFIED whether a finished task answers {}: the `emptyCompletedTask` option emulates that.
      if (body.status === 'completed' && emu.options.emptyCompletedTask) return { status: 200, body: {} }
      return { status: 200, body: { task: body } }
    }
  },
  {
    id: 'cdb.tasks.list',
    method: 'GET',
    path: [...P, 'deployments', ':id', 'tasks'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      const i = deployment(emu, params.region, params.id)
      return { status: 200, body: { tasks: i.deployment.tasks.map(taskBody) } }
    }
  },
  {
    id: 'cdb.allowlist.get',
    method: 'GET',
    path: [...P, 'deployments', ':id', 'allowlists', 'ip_addresses'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      return { status: 200, body: { ip_addresses: deployment(emu, params.region, params.id).deployment.allowlist } }
    }
  },
  {
    id: 'cdb.allowlist.set',
    method: 'PUT',
    path: [...P, 'deployments', ':id', 'allowlists', 'ip_addresses'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params, body }) {
      const i = deployment(emu, params.region, params.id)
      const list = parseJson(body, 'cdb').ip_addresses
      if (!Array.isArray(list)) throw new HttpError(422, 'ip_addresses must be a list', 'cdb', 'invalid ip_addresses')
      if (list.length > 100) throw new HttpError(422, 'allowlist is full (100 entries)', 'cdb', 'allowlist is full')
      const entries = list.map((e: Record<string, unknown>) => {
        const address = String(e?.address ?? '')
        const m = IPV4_CIDR.exec(address)
        if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || (m[6] !== undefined && Number(m[6]) > 32))
          throw new HttpError(422, `invalid IPv4 address: ${address.slice(0, 60)}`, 'cdb', 'invalid IPv4 address')
        return { address, description: typeof e.description === 'string' ? e.description : '' }
      })
      if (new Set(entries.map((e) => e.address)).size !== entries.length) throw new HttpError(422, 'duplicate address in allowlist', 'cdb', 'duplicate address')
      const task = newTask(emu, i, 'Updating allowlist', 'allowlist', async () => {
        i.deployment.allowlist = entries
        enforce(emu, i)
      })
      return { status: 202, body: { task: taskBody(task) } }
    }
  },
  {
    id: 'cdb.allowlist.add',
    method: 'POST',
    path: [...P, 'deployments', ':id', 'allowlists', 'ip_addresses'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params, body }) {
      const i = deployment(emu, params.region, params.id)
      const entry = (parseJson(body, 'cdb').ip_address ?? {}) as Record<string, unknown>
      const address = String(entry.address ?? '')
      const m = IPV4_CIDR.exec(address)
      if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || (m[6] !== undefined && Number(m[6]) > 32))
        throw new HttpError(422, 'invalid IPv4 address', 'cdb', 'invalid IPv4 address')
      if (i.deployment.allowlist.length >= 100) throw new HttpError(422, 'allowlist is full (100 entries)', 'cdb', 'allowlist is full')
      if (i.deployment.allowlist.some((a) => a.address === address))
        throw new HttpError(422, 'address already in allowlist', 'cdb', 'address already in allowlist')
      const description = typeof entry.description === 'string' ? entry.description : ''
      const task = newTask(emu, i, 'Updating allowlist', 'allowlist', async () => {
        i.deployment.allowlist.push({ address, description })
        enforce(emu, i)
      })
      return { status: 202, body: { task: taskBody(task) } }
    }
  },
  {
    id: 'cdb.allowlist.delete',
    method: 'DELETE',
    path: [...P, 'deployments', ':id', 'allowlists', 'ip_addresses', ':address'],
    auth: 'bearer',
    family: 'cdb',
    async handle({ emu, params }) {
      const i = deployment(emu, params.region, params.id)
      if (!i.deployment.allowlist.some((a) => a.address === params.address)) throw notFound()
      const task = newTask(emu, i, 'Updating allowlist', 'allowlist', async () => {
        i.deployment.allowlist = i.deployment.allowlist.filter((a) => a.address !== params.address)
        enforce(emu, i)
      })
      return { status: 202, body: { task: taskBody(task) } }
    }
  }
]
