import type { Claim } from '../../../shared/schemas/privacy'
import { getDeployment } from '../../ibmcloud/databases'
import { endpointsOf } from '../../ibmcloud/resource-controller'
import { shellQuote } from '../../wizard/shell-quote'
import { evidence, fix, unreadable, type ClaimContext } from '../context'

type Setting = 'private' | 'public' | 'public-and-private'

/** Claim 1: the instance offers private endpoints only (Gen 2 always does). */
export async function endpointsClaim(ctx: ClaimContext): Promise<Claim> {
  const { target } = ctx
  if (target.generation === 'gen2') return { id: 'endpoints', verdict: 'holds', evidence: [evidence('endpoints_gen2_private_only')] }
  let setting: Setting | undefined
  let source = 'Cloud Databases'
  try {
    const d = await getDeployment(ctx.client, target.crn, { signal: ctx.signal })
    if (typeof d.enable_public_endpoints === 'boolean' && typeof d.enable_private_endpoints === 'boolean')
      setting = d.enable_public_endpoints ? (d.enable_private_endpoints ? 'public-and-private' : 'public') : 'private'
  } catch (e) {
    if (!target.record) return unreadable('endpoints', 'deployment', e)
  }
  if (!setting) {
    source = 'Resource Controller'
    setting = endpointsOf(target.record?.parameters)
  }
  if (!setting) return { id: 'endpoints', verdict: 'inconclusive', evidence: [evidence('endpoints_not_stated')] }
  if (setting === 'private') return { id: 'endpoints', verdict: 'holds', evidence: [evidence('endpoints_private_only', { source })] }
  const name = target.name ?? target.crn
  return {
    id: 'endpoints',
    verdict: 'fails',
    evidence: [evidence('endpoints_public_enabled', { setting, source })],
    fix: fix('fix_endpoints_private', { name }, [`ibmcloud resource service-instance-update ${shellQuote(name)} --service-endpoints private`])
  }
}
