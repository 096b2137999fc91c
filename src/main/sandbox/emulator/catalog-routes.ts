import type { RouteTable } from './router'
import { HttpError } from './http'

/** The plan ids whose deployments the emulated Global Catalog lists (docs/ibm-cloud-gen2-and-restrictions-facts.md §1.2). */
export const GEN1_CATALOG_ID = 'databases-for-redis-standard'
export const GEN2_CATALOG_ID = 'databases-for-redis-gen2-standard'

/** Regions with a Gen 2 deployment in the emulated catalog (IBM's real list is UNVERIFIED; tests set their own). */
export const DEFAULT_GEN2_REGIONS = ['us-south', 'us-east', 'eu-de', 'ca-mon', 'jp-tok']

/** What the emulated Global Catalog holds: the regions of each plan's deployments (mutable: tests change it). */
export class CatalogState {
  gen2Regions: string[]
  gen1Regions = ['us-south', 'us-east', 'ca-tor', 'br-sao', 'eu-de', 'eu-gb', 'eu-es', 'jp-tok', 'jp-osa', 'au-syd', 'in-che']

  constructor(gen2Regions: string[] = DEFAULT_GEN2_REGIONS) {
    this.gen2Regions = [...gen2Regions]
  }

  regionsOf(id: string): string[] | undefined {
    return id === GEN2_CATALOG_ID ? this.gen2Regions : id === GEN1_CATALOG_ID ? this.gen1Regions : undefined
  }
}

/** The deployment's name in the catalog and in `target_crn` (Gen 2: `standard-gen2`, facts §1.1). */
const deploymentName = (id: string) => (id === GEN2_CATALOG_ID ? 'databases-for-redis-standard-gen2' : id)

function deploymentEntry(id: string, region: string) {
  const name = `${deploymentName(id)}:${region}`
  return {
    id: `${name.replace(':', '-')}`,
    name,
    kind: 'deployment',
    active: true,
    disabled: false,
    geo_tags: [region],
    metadata: {
      rc_compatible: true,
      deployment: {
        location: region,
        location_url: `https://globalcatalog.cloud.ibm.com/api/v1/${region}`,
        target_crn: `crn:v1:bluemix:public:globalcatalog::::deployment:${encodeURIComponent(name)}`
      },
      other: { resources: [{ id: 'member', count: 2 }] }
    }
  }
}

/**
 * The Global Catalog's `GET /api/v1/{id}/{kind}` (GlobalCatalogV1.getChildObjects) for the Redis
 * plans, under /globalcatalog (GLOBAL_CATALOG_URL = <emulator>/globalcatalog/api/v1), with the
 * catalog's `offset`/`limit`/`count` paging. Another id: 404.
 */
export const catalogRoutes: RouteTable = [
  {
    id: 'catalog.children',
    method: 'GET',
    path: ['globalcatalog', 'api', 'v1', ':id', ':kind'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params, query }) {
      const regions = emu.catalog.regionsOf(params.id)
      if (!regions || params.kind !== 'deployment')
        throw new HttpError(404, `Catalog entry ${params.id} has no children of kind ${params.kind}.`, 'rc', 'not_found')
      const all = regions.map((r) => deploymentEntry(params.id, r))
      const offset = Math.max(Number(query.get('_offset') ?? 0) || 0, 0)
      const limit = Math.min(Math.max(Number(query.get('_limit') ?? 200) || 200, 1), 200)
      const resources = all.slice(offset, offset + limit)
      return { status: 200, body: { offset, limit, count: all.length, resource_count: resources.length, resources } }
    }
  }
]
