import { AppFailure } from '../../../shared/errors'
import type { ConnectionInfo } from '../../../shared/schemas/ibmcloud'
import type { WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { registerSecret } from '../../logging/redact'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { keyPasswordSecret } from '../secret-names'
import { ensureGen2Key, gen2KeyConnection } from './credentials-gen2'
import { defineStep, requireReady, type StepContext } from './step'

/** `wizard.createServiceKey`: a name (default per generation); Gen 2 also a role (default Writer) or `skip` (the app uses the Manager key). */
export interface ServiceKeyRequest {
  name?: string
  role?: 'Writer' | 'Manager'
  skip?: boolean
}

/** Step 7: Gen 1's key on the private endpoint; Gen 2's application key with a role. Found again when it exists; its password in the keychain. */
export const serviceKeyStep = defineStep<ServiceKeyRequest>({
  id: 'serviceKey',
  prepare(ctx, request) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.connection.status === 'done', wizardSay.fetchConnectionFirst())
    const instance = state.instance
    if (instance.generation === 'gen2') {
      requireReady(state.credentials, wizardSay.gen2CredentialsFirst())
      return { work: (signal) => ensureApplicationKey(ctx, instance, request, signal) }
    }
    return { work: (signal) => ensurePrivateKey(ctx, instance, request.name, signal) }
  }
})

async function ensurePrivateKey(ctx: StepContext, instance: WizardInstance, name: string | undefined, signal: AbortSignal): Promise<WizardState> {
  const { connections } = ctx.state()
  if (instance.serviceEndpoints === 'public' || (connections.private === null && connections.public !== null)) {
    throw new AppFailure({ code: WizardCodes.noPrivateEndpoint, ...wizardSay.noPrivateEndpoint({ instanceName: instance.name }) })
  }
  const key = await ctx.services.ensurePrivateServiceKey(instance, name ?? `${instance.name}-private-key`, signal)
  registerSecret(key.credentials.password)
  await ctx.services.secrets.set(keyPasswordSecret(key.keyId), key.credentials.password)
  return m.completeStep(ctx.state(), 'serviceKey', {
    serviceKey: { id: key.keyId, name: key.name, reused: key.reused, role: null, connection: key.connection }
  })
}

/** Gen 2 key names: the application's key is told apart from step 5's `<instance>-manager`. */
export const gen2AppKeyName = (instanceName: string, role: 'Writer' | 'Manager') => `${instanceName}-${role === 'Writer' ? 'writer' : 'app-manager'}`

/**
 * Gen 2: the application's own key (Writer by default), or with `skip` the Manager key of step 5.
 * Its host and port come from its credentials, else from step 6 (the VPE and the instance's extensions).
 */
async function ensureApplicationKey(ctx: StepContext, instance: WizardInstance, request: ServiceKeyRequest, signal: AbortSignal): Promise<WizardState> {
  const state = ctx.state()
  const manager = state.credentials!
  const role = request.skip ? 'Manager' : (request.role ?? 'Writer')
  const key = request.skip
    ? { keyId: manager.keyId, name: manager.keyName, username: manager.username, reused: true, connection: manager.connection }
    : await ensureGen2Key(ctx, instance, request.name ?? gen2AppKeyName(instance.name, role), role, signal)
  const connection = withStepSixHost(ctx.state(), key.username, key.connection)
  requireReady(connection, wizardSay.fetchConnectionFirst())
  return m.completeStep(ctx.state(), 'serviceKey', {
    serviceKey: { id: key.keyId, name: key.name, reused: key.reused, role, connection }
  })
}

/** The key's connection, or one on the host step 6 found (VPE first), for this key's user. */
function withStepSixHost(state: WizardState, username: string, own: ConnectionInfo | null): ConnectionInfo | null {
  if (own) return own
  const found = state.connections.private
  const hostname = state.vpe?.hostname ?? found?.hostname
  const port = found?.port ?? state.vpe?.port
  return hostname && port ? gen2KeyConnection({ username, hostname, port, database: found?.database ?? 0 }) : null
}
