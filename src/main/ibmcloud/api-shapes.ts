import { z } from 'zod'

/**
 * The response bodies we read, as documented in API-FACTS. Only the fields the app uses are
 * required; everything else passes through, so a new field IBM adds never breaks a user.
 */

export const ResourceGroupBody = z.looseObject({
  id: z.string(),
  name: z.string(),
  crn: z.string().optional(),
  account_id: z.string().optional(),
  state: z.string().optional(),
  default: z.boolean().optional()
})
export const ResourceGroupList = z.looseObject({ resources: z.array(ResourceGroupBody) })

export const LastOperation = z.looseObject({
  type: z.string().optional(),
  state: z.string().optional(),
  description: z.string().nullish(),
  async: z.boolean().optional(),
  cancelable: z.boolean().optional(),
  poll: z.boolean().optional()
})

export const ResourceInstanceBody = z.looseObject({
  id: z.string(),
  guid: z.string(),
  crn: z.string(),
  name: z.string(),
  region_id: z.string(),
  account_id: z.string().optional(),
  resource_group_id: z.string(),
  resource_plan_id: z.string().optional(),
  resource_id: z.string().optional(),
  state: z.string(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  last_operation: LastOperation.nullish(),
  created_at: z.string().nullish(),
  dashboard_url: z.string().nullish(),
  /** Gen 2: connection details and sizes (read by gen2-extensions.ts). */
  extensions: z.unknown().optional()
})
export type ResourceInstanceBody = z.infer<typeof ResourceInstanceBody>

export const ResourceInstanceList = z.looseObject({
  rows_count: z.number().optional(),
  next_url: z.string().nullish(),
  resources: z.array(ResourceInstanceBody)
})

const Certificate = z.looseObject({ name: z.string().optional(), certificate_base64: z.string(), certificate_authority: z.string().optional() })
export const RedissConnection = z.looseObject({
  type: z.string().optional(),
  composed: z.array(z.string()),
  scheme: z.string().optional(),
  hosts: z.array(z.looseObject({ hostname: z.string(), port: z.number() })).min(1),
  path: z.string().optional(),
  database: z.number().nullish(),
  authentication: z.looseObject({ method: z.string().optional(), username: z.string(), password: z.string().optional() }),
  certificate: Certificate
})
export const CliConnection = z.looseObject({
  composed: z.array(z.string()).optional(),
  bin: z.string().optional(),
  environment: z.record(z.string(), z.string()).optional(),
  certificate: Certificate.optional()
})
export const RedisConnection = z.looseObject({ rediss: RedissConnection, cli: CliConnection.optional() })

export const ResourceKeyBody = z.looseObject({
  id: z.string(),
  guid: z.string(),
  crn: z.string().optional(),
  name: z.string(),
  source_crn: z.string().optional(),
  state: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  credentials: z.looseObject({ connection: z.looseObject({ rediss: RedissConnection.optional(), cli: CliConnection.optional() }).optional() }).nullish()
})
export type ResourceKeyBody = z.infer<typeof ResourceKeyBody>
export const ResourceKeyList = z.looseObject({ rows_count: z.number().optional(), next_url: z.string().nullish(), resources: z.array(ResourceKeyBody) })

export const TaskBody = z.looseObject({
  id: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional(),
  progress_percent: z.number().optional(),
  deployment_id: z.string().optional(),
  resource_type: z.string().optional(),
  created_at: z.string().optional()
})
/** API-FACTS e: a finished task may come back as `{}`, without a `task` object. */
export const TaskEnvelope = z.looseObject({ task: TaskBody.nullish() })
export type TaskBody = z.infer<typeof TaskBody>

export const DeploymentEnvelope = z.looseObject({
  deployment: z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    type: z.string().optional(),
    version: z.string().optional(),
    admin_usernames: z.record(z.string(), z.string()).optional(),
    enable_public_endpoints: z.boolean().optional(),
    enable_private_endpoints: z.boolean().optional(),
    platform_options: z.record(z.string(), z.unknown()).nullish()
  })
})

export const DeployablesEnvelope = z.looseObject({
  deployables: z.array(
    z.looseObject({
      type: z.string(),
      versions: z.array(z.looseObject({ version: z.string(), status: z.string().optional(), is_preferred: z.boolean().optional() }))
    })
  )
})

export const RegionsEnvelope = z.looseObject({ regions: z.array(z.string()) })

export const ConnectionEnvelope = z.looseObject({ connection: RedisConnection })

export const AllowlistEnvelope = z.looseObject({ ip_addresses: z.array(z.looseObject({ address: z.string(), description: z.string().optional() })) })

export const ApiKeyDetails = z.looseObject({ account_id: z.string(), iam_id: z.string().optional(), name: z.string().optional() })
export const AccountBody = z.looseObject({ name: z.string(), id: z.string().optional(), account_id: z.string().optional() })
