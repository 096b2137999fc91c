import type { ClaimContext, ReportTarget } from '../../src/main/privacy/context'
import type { IbmCloudClient } from '../../src/main/ibmcloud/client'
import { defaultProfileFields, type Profile } from '../../src/shared/schemas/profile'

const CRN = 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc123:0a1b2c3d-0000-4000-8000-000000000001::'

/** A profile saved by the setup wizard for the private endpoint of CRN. */
export function savedPrivateProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    ...defaultProfileFields({
      name: 'Redis-0101 (private)',
      host: '0a1b2c3d.c1ogj3sd0tgtu0lqde00.private.databases.appdomain.cloud',
      port: 31234,
      username: 'ibm_cloud_0a1b2c3d',
      origin: { kind: 'ibmcloud', crn: CRN, region: 'jp-tok', endpointType: 'private', generation: 'gen1' }
    }),
    id: 'p1',
    secrets: { password: 'keychain', clientKey: 'none', sshSecret: 'none' },
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    lastTest: null,
    ...overrides
  } as Profile
}

export function reportTarget(overrides: Partial<ReportTarget> = {}): ReportTarget {
  return { crn: CRN, guid: '0a1b2c3d-0000-4000-8000-000000000001', accountId: 'acc123', region: 'jp-tok', name: 'Redis-0101', generation: 'gen1', record: null, recordError: null, ...overrides }
}

/** A claim context whose IBM client must not be used (the claim under test needs no IBM call). */
export function offlineContext(profile: Profile | null = savedPrivateProfile(), target = reportTarget()): ClaimContext {
  const client = new Proxy({} as IbmCloudClient, {
    get: (_t, key) => {
      throw new Error(`this claim should not call IBM Cloud (client.${String(key)})`)
    }
  })
  return { target, profile, client, signal: new AbortController().signal }
}
