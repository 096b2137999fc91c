import { z } from 'zod'

/**
 * The VPC API bodies the client reads (docs/ibm-cloud-gen2-and-restrictions-facts.md §2, samples
 * `vpc_*`). Loose objects: fields we do not read may come and go with the API version.
 */
const Ref = z.looseObject({ id: z.string().min(1).max(200), name: z.string().max(200).optional() })
const NextPage = z.looseObject({ href: z.string().max(4000) }).optional()

export const VpcBody = z.looseObject({
  id: z.string().min(1).max(200),
  crn: z.string().max(500),
  name: z.string().max(200),
  status: z.string().max(40).optional()
})

export const VpcCollection = z.looseObject({ vpcs: z.array(VpcBody).max(1000), next: NextPage })

export const SubnetBody = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  ipv4_cidr_block: z.string().max(50),
  zone: z.looseObject({ name: z.string().max(50) }),
  vpc: Ref,
  status: z.string().max(40).optional(),
  available_ipv4_address_count: z.number().int().nonnegative().optional()
})

export const SubnetCollection = z.looseObject({ subnets: z.array(SubnetBody).max(1000), next: NextPage })

export const SecurityGroupRuleBody = z.looseObject({
  direction: z.string().max(20),
  protocol: z.string().max(20).optional(),
  port_min: z.number().int().optional(),
  port_max: z.number().int().optional(),
  remote: z.looseObject({ cidr_block: z.string().max(50).optional(), address: z.string().max(50).optional(), id: z.string().max(200).optional() }).optional()
})

export const SecurityGroupBody = z.looseObject({
  id: z.string().min(1).max(200),
  crn: z.string().max(500).optional(),
  name: z.string().max(200),
  vpc: Ref,
  rules: z.array(SecurityGroupRuleBody).max(500).default([])
})

export const SecurityGroupCollection = z.looseObject({ security_groups: z.array(SecurityGroupBody).max(1000), next: NextPage })

export const EndpointGatewayBody = z.looseObject({
  id: z.string().min(1).max(200),
  crn: z.string().max(500),
  name: z.string().max(200),
  /** pending | stable | updating | waiting | suspended | failed | deleting */
  lifecycle_state: z.string().max(40),
  lifecycle_reasons: z
    .array(z.looseObject({ code: z.string().max(100), message: z.string().max(2000).optional() }))
    .max(50)
    .default([]),
  health_state: z.string().max(40).optional(),
  ips: z
    .array(z.looseObject({ id: z.string().max(200), address: z.string().max(50), name: z.string().max(200).optional() }))
    .max(50)
    .default([]),
  target: z.looseObject({ crn: z.string().max(500).optional(), resource_type: z.string().max(60) }),
  vpc: Ref,
  service_endpoints: z.array(z.string().max(300)).max(50).default([]),
  security_groups: z.array(Ref).max(50).default([])
})

export const EndpointGatewayCollection = z.looseObject({ endpoint_gateways: z.array(EndpointGatewayBody).max(1000), next: NextPage })

export type VpcBody = z.infer<typeof VpcBody>
export type SubnetBody = z.infer<typeof SubnetBody>
export type SecurityGroupBody = z.infer<typeof SecurityGroupBody>
export type EndpointGatewayBody = z.infer<typeof EndpointGatewayBody>

/** The `start` token of a VPC collection's `next.href`, if there is a next page. */
export function nextStart(next: { href: string } | undefined): string | undefined {
  if (!next) return undefined
  try {
    return new URL(next.href).searchParams.get('start') ?? undefined
  } catch {
    return undefined
  }
}
