import GlobalCatalogV1 from '@ibm-cloud/platform-services/global-catalog/v1'
import { z } from 'zod'
import { GEN2_PLAN_ID } from '../../shared/schemas/ibmcloud'
import { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type IbmCloudClient } from './client'
import type { RequestOptions } from './request'

/**
 * The regions where the Global Catalog lists a Gen 2 deployment of Databases for Redis, read the
 * way Terraform's `findDeploymentByLocation` reads them: `GET /api/v1/<plan id>/deployment` →
 * `resources[].metadata.deployment.location` (docs/ibm-cloud-gen2-and-restrictions-facts.md §1.2).
 * Which regions IBM lists is UNVERIFIED, so both answers are kept apart: a list without the
 * region, and no list at all (the caller cannot tell then).
 */
const Deployment = z.looseObject({
  id: z.string().max(300).optional(),
  name: z.string().max(300).optional(),
  active: z.boolean().optional(),
  disabled: z.boolean().optional(),
  metadata: z
    .looseObject({
      rc_compatible: z.boolean().optional(),
      deployment: z.looseObject({ location: z.string().max(100).optional(), target_crn: z.string().max(500).optional() }).optional()
    })
    .optional()
})
const DeploymentPage = z.looseObject({
  offset: z.number().int().nonnegative().optional(),
  count: z.number().int().nonnegative().optional(),
  resources: z.array(Deployment).max(1000).default([])
})
type Deployment = z.output<typeof Deployment>

/** One page is 200 entries; a plan has a few dozen deployments at most. */
const PAGE = 200
const MAX_PAGES = 5

const clients = new WeakMap<IbmCloudClient, GlobalCatalogV1>()

function catalogClient(client: IbmCloudClient): GlobalCatalogV1 {
  let catalog = clients.get(client)
  if (!catalog) {
    catalog = new GlobalCatalogV1({
      authenticator: client.auth,
      timeout: DEFAULT_TIMEOUT_MS,
      maxContentLength: MAX_RESPONSE_BYTES,
      serviceUrl: client.endpoints.globalCatalog
    })
    clients.set(client, catalog)
  }
  return catalog
}

export interface Gen2Deployment {
  region: string
  /** The deployment's catalog name (e.g. `databases-for-redis-standard-gen2:us-south`), else its id. */
  name: string
}

/** The deployment's region: `metadata.deployment.location`, else the `:<region>` its name or id ends with. */
export function deploymentRegion(d: Deployment): string | undefined {
  const location = d.metadata?.deployment?.location?.trim()
  if (location) return location
  const tail = (d.name ?? d.id ?? '').match(/:([a-z]{2}-[a-z0-9]+)$/)
  return tail?.[1]
}

/** Usable as Terraform filters them: RC-compatible (when said), not disabled, not inactive. */
const usable = (d: Deployment) => d.metadata?.rc_compatible !== false && d.disabled !== true && d.active !== false

/** Every usable Gen 2 deployment the catalog lists (an empty list when it lists none). */
export async function listGen2Deployments(client: IbmCloudClient, options: RequestOptions = {}): Promise<Gen2Deployment[]> {
  const catalog = catalogClient(client)
  const out: Gen2Deployment[] = []
  for (let page = 0; page < MAX_PAGES; page++) {
    const offset = page * PAGE
    const body = await client.requester.run(
      { op: 'readGen2Catalog' },
      DeploymentPage,
      () => catalog.getChildObjects({ id: GEN2_PLAN_ID, kind: 'deployment', include: '*', offset, limit: PAGE }),
      options
    )
    for (const d of body.resources.filter(usable)) {
      const region = deploymentRegion(d)
      if (region && !out.some((o) => o.region === region)) out.push({ region, name: d.name ?? d.id ?? region })
    }
    if (body.resources.length < PAGE || (body.count !== undefined && offset + body.resources.length >= body.count)) break
  }
  return out
}
