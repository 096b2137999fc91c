import { z } from 'zod'
import { Generation } from './ibmcloud'

/**
 * The privacy report: one verdict per claim about an instance and the profile that reaches
 * it, each with its evidence as codes and parameters (the front ends say them in the user's
 * language from src/shared/i18n/privacy), timestamped. Never a silent pass: a claim that
 * cannot be checked from here is `inconclusive`, with the reason.
 */
export const ClaimId = z.enum(['endpoints', 'no_public_answer', 'restricted', 'reachable', 'credentials'])
export type ClaimId = z.infer<typeof ClaimId>

export const Verdict = z.enum(['holds', 'fails', 'inconclusive'])
export type Verdict = z.infer<typeof Verdict>

const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(80)
const Params = z.record(z.string().max(40), z.union([z.string().max(4000), z.number(), z.boolean()]))

/** One observation: what was read or tried, and what came back. */
export const Evidence = z.object({ code: Code, params: Params.default({}) })
export type Evidence = z.infer<typeof Evidence>

/** What would make a failing claim hold: a sentence (code) and the commands that do it. */
export const ClaimFix = z.object({ code: Code, params: Params.default({}), commands: z.array(z.string().max(2000)).max(10) })
export type ClaimFix = z.infer<typeof ClaimFix>

/** The connection test's phases, for the timeline picture of the "reachable" claim. */
export const TimelineStep = z.object({ name: z.string().max(40), ok: z.boolean(), ms: z.number().nonnegative(), skipped: z.boolean() })

export const Claim = z.object({
  id: ClaimId,
  verdict: Verdict,
  evidence: z.array(Evidence).max(200),
  fix: ClaimFix.optional(),
  timeline: z.array(TimelineStep).max(40).optional()
})
export type Claim = z.infer<typeof Claim>

/**
 * Where the "no public answer" claim was tried from. `this_computer`: the system resolver and
 * real TCP from here; `sandbox`: the emulator's simulated view from the internet.
 */
export const Vantage = z.object({
  kind: z.enum(['this_computer', 'sandbox']),
  /** This computer reached the private endpoint itself (VPN, Direct Link, inside IBM Cloud); null when it cannot tell. */
  onPrivateNetwork: z.boolean().nullable(),
  /** The local address connections left from, when one was opened. */
  sourceAddress: z.string().max(100).nullable()
})
export type Vantage = z.infer<typeof Vantage>

export const ReportInstance = z.object({
  crn: z.string().max(512),
  guid: z.string().max(100),
  name: z.string().max(400).nullable(),
  region: z.string().max(64),
  generation: Generation
})

export const ReportProfile = z.object({ id: z.string().max(64), name: z.string().max(400), endpointType: z.enum(['public', 'private']) })

export const PrivacyReport = z.object({
  verdict: Verdict,
  generatedAt: z.string(),
  instance: ReportInstance,
  profile: ReportProfile.nullable(),
  vantage: Vantage,
  claims: z.array(Claim).length(5)
})
export type PrivacyReport = z.infer<typeof PrivacyReport>

/** A saved profile (its instance follows from where it was saved), or an instance by name (its profile, when one was saved). */
export const ProveInput = z
  .object({
    profileId: z.string().min(1).max(64).optional(),
    instanceName: z.string().min(1).max(180).optional()
  })
  .strict()
  .refine((i) => (i.profileId === undefined) !== (i.instanceName === undefined), { message: 'Give a profileId or an instanceName, not both.' })
export type ProveInput = z.input<typeof ProveInput>

/** The report's verdict: fails when any claim fails, else inconclusive when any is, else holds. */
export function overallVerdict(claims: Pick<Claim, 'verdict'>[]): Verdict {
  if (claims.some((c) => c.verdict === 'fails')) return 'fails'
  if (claims.some((c) => c.verdict === 'inconclusive')) return 'inconclusive'
  return 'holds'
}
