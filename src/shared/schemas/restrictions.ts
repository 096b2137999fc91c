import { z } from 'zod'

/**
 * Restricting who may connect to a saved profile's instance: a context-based restriction (a
 * network zone and a rule for the data plane, enforced), or for Gen 1 the IP allowlist.
 */
export const RestrictionMechanism = z.enum(['cbr', 'allowlist'])
export type RestrictionMechanism = z.infer<typeof RestrictionMechanism>

/** A VPC named by its CRN or its name (resolved among the VPCs of the instance's region). */
export const VpcRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9:/._-]+$/, 'a VPC name or CRN (crn:v1:…:is:REGION:a/ACCOUNT::vpc:ID)')

export const RestrictInput = z
  .object({
    profileId: z.string().min(1).max(64),
    /** IPv4/IPv6 addresses, ranges `a-b` and CIDR subnets; checked by src/shared/network-addresses.ts. */
    addresses: z.array(z.string().max(100)).max(100).default([]),
    /** Whole VPCs admitted (context-based restrictions only): Gen 2 and VPE users' own networks. */
    vpcs: z.array(VpcRef).max(10).default([]),
    mechanism: RestrictionMechanism.default('cbr'),
    /** Show what would change and the CLI equivalents; change nothing. */
    dryRun: z.boolean().default(false)
  })
  .strict()
  .refine((i) => i.addresses.length + i.vpcs.length > 0, { message: 'Name at least one address, subnet or VPC.', path: ['addresses'] })
export type RestrictInput = z.input<typeof RestrictInput>

/** A VPC in a zone: what IBM Cloud calls it, and the subnets it holds now (what the zone admits). */
export const AdmittedVpc = z.object({ crn: z.string(), name: z.string(), subnets: z.array(z.string()) })
export type AdmittedVpc = z.infer<typeof AdmittedVpc>

/** The VPCs worth admitting for a profile's instance: those with a VPE gateway to it. */
export const SuggestedVpcs = z.object({ vpcs: z.array(AdmittedVpc.extend({ gateway: z.string() })) })

export const RestrictionCheck = z.object({
  ok: z.boolean(),
  code: z.string().nullable(),
  message: z.string()
})

export const RestrictResult = z.object({
  instance: z.object({ crn: z.string(), guid: z.string(), name: z.string().nullable() }),
  mechanism: RestrictionMechanism,
  /** Canonical addresses admitted, as IBM Cloud echoes them. */
  addresses: z.array(z.string()),
  /** Whole VPCs admitted (resolved from the names or CRNs given). */
  vpcs: z.array(AdmittedVpc).default([]),
  /** The rule in words: who may connect once it is in force. */
  summary: z.string(),
  /** What the same change is with the ibmcloud CLI. */
  cliEquivalents: z.array(z.string()),
  /** 'applied': in force and the profile still connects; 'unchanged': already so; 'planned': dry run. */
  outcome: z.enum(['applied', 'unchanged', 'planned']),
  /** The profile's own test after the change (null on a dry run). */
  check: RestrictionCheck.nullable(),
  /** The address this computer reaches the instance from, when the profile's path is direct. */
  sourceAddress: z.string().nullable()
})
export type RestrictResult = z.infer<typeof RestrictResult>
