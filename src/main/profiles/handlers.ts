import type { Handlers } from '../transport/dispatch'
import type { EventBus } from '../events'
import type { ProfilesService } from './service'

export type ProfileCallName =
  | 'profiles.list'
  | 'profiles.get'
  | 'profiles.find'
  | 'profiles.create'
  | 'profiles.update'
  | 'profiles.delete'
  | 'profiles.revealSecret'
  | 'profiles.test'
  | 'profiles.testDraft'
  | 'profiles.testAll'
  | 'profiles.import'
  | 'profiles.export'
  | 'profiles.keychainStatus'
  | 'profiles.useSessionSecrets'

export function profileHandlers(service: ProfilesService, bus: EventBus): Pick<Handlers, ProfileCallName> {
  const changed = (ids: string[]) => bus.emit('profiles.changed', { ids })
  return {
    'profiles.list': () => service.list(),
    'profiles.get': ({ id }) => service.get(id),
    'profiles.find': ({ nameOrId }) => service.find(nameOrId),
    'profiles.create': async ({ fields, secrets, importId }) => {
      const profile = await service.create(fields, secrets, importId)
      changed([profile.id])
      return profile
    },
    'profiles.update': async ({ id, fields, secrets }) => {
      const profile = await service.update(id, fields, secrets)
      changed([id])
      return profile
    },
    'profiles.delete': async ({ id }) => {
      const deleted = await service.delete(id)
      changed([id])
      return { deleted }
    },
    'profiles.revealSecret': async ({ id, secret }) => ({ value: await service.reveal(id, secret) }),
    'profiles.test': async ({ id, testId }, ctx) => {
      const result = await service.test(id, { signal: ctx.signal, testId })
      changed([id])
      return result
    },
    'profiles.testDraft': ({ fields, secrets, importId, profileId, confirmEndpoint, testId }, ctx) =>
      service.testDraft(fields, secrets, { importId, profileId, confirmEndpoint, testId, signal: ctx.signal }),
    'profiles.testAll': async ({ ids, concurrency }, ctx) => {
      const result = await service.testAll(ids, concurrency ?? 4, ctx.signal)
      changed(result.results.map((r) => r.id))
      return result
    },
    'profiles.import': async ({ text, format }) => service.importText(text, format),
    'profiles.export': ({ id, format, withSecrets }) => service.export(id, format, withSecrets),
    'profiles.keychainStatus': () => service.keychainStatus(),
    'profiles.useSessionSecrets': async () => service.useSessionSecrets()
  }
}
