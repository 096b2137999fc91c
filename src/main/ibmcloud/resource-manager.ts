import type { ResourceGroup } from '../../shared/schemas/ibmcloud'
import { ResourceGroupList } from './api-shapes'
import type { IbmCloudClient } from './client'
import type { RequestOptions } from './request'

/** GET /v2/resource_groups (no paging), active groups only, default first. */
export async function listResourceGroups(client: IbmCloudClient, accountId?: string, options: RequestOptions = {}): Promise<ResourceGroup[]> {
  const body = await client.requester.run(
    { op: 'listResourceGroups', role: 'viewerResourceGroup' },
    ResourceGroupList,
    () => client.resourceManager.listResourceGroups(accountId ? { accountId } : {}),
    options
  )
  return body.resources
    .filter((g) => !g.state || g.state.toUpperCase() === 'ACTIVE')
    .map((g) => ({ id: g.id, name: g.name, isDefault: g.default === true }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name))
}
