import { z } from 'zod'
import { HostKeyPrompt, PathCode, PathDiagnosis, PodRunInfo } from './network-path'
import { ProbeNote } from './probe-notes'

/** The connection test's result: what the CLI prints with --json and what the UI draws. */

/** Stable failure codes of the connection test. */
export const ProbeCode = z.enum([
  'dns_not_found',
  'private_endpoint_unreachable',
  'tcp_refused',
  'tcp_timeout',
  'tls_untrusted_ca',
  'tls_hostname_mismatch',
  'tls_expired',
  'tls_not_offered',
  'tls_required',
  'tls_client_cert_rejected',
  'auth_failed',
  'auth_required',
  'acl_denied',
  'timeout',
  'unexpected_reply',
  'secret_unreadable',
  'cancelled'
])
export type ProbeCode = z.infer<typeof ProbeCode>

/** Codes that mean "nothing answered from here": worth a diagnosis and the bastion / pod paths. */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set<ProbeCode>(['private_endpoint_unreachable', 'dns_not_found', 'tcp_timeout'])

/** A test's code: the probe's own, or one the SSH / pod path adds (ssh_host_key_unknown, pod_rbac_forbidden…). */
export const ResultCode = z.union([ProbeCode, PathCode])
export type ResultCode = z.infer<typeof ResultCode>

/** dns, tcp, tls, auth, ping, write, info; other paths (ssh, pod) add their own names. */
export const ProbePhaseName = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]*$/)
  .max(40)

export const ProbePhase = z.object({
  name: ProbePhaseName,
  ok: z.boolean(),
  /** Wall time of the phase, milliseconds. */
  ms: z.number().nonnegative(),
  /** One human line: what was found, or what went wrong. */
  detail: z.string().max(2000),
  /** The same as data, one sentence a note: a code and its parameters (./probe-notes.ts), worded by the UI and the CLI. */
  notes: z.array(ProbeNote).max(12).optional(),
  /** Not run because an earlier phase failed (or it does not apply, e.g. TLS on a plain profile). */
  skipped: z.boolean().optional()
})
export type ProbePhase = z.infer<typeof ProbePhase>

export const AddressClass = z.enum(['ibm_service_endpoint', 'private', 'loopback', 'public'])
export type AddressClass = z.infer<typeof AddressClass>

export const ProbeResult = z.object({
  ok: z.boolean(),
  code: ResultCode.nullable(),
  /** On failure: what is wrong and what to do. On success: a one-line summary. */
  message: z.string(),
  startedAt: z.string(),
  totalMs: z.number().nonnegative(),
  target: z.object({
    host: z.string(),
    port: z.number().int(),
    tls: z.boolean(),
    servername: z.string().nullable(),
    /** Where TCP actually went when a tunnel or test hook redirected it. */
    connectedTo: z.string().nullable()
  }),
  phases: z.array(ProbePhase),
  dns: z.object({
    addresses: z.array(z.string()),
    /** Class of the address connected to (the first one). */
    classification: AddressClass.nullable(),
    classes: z.array(z.object({ address: z.string(), class: AddressClass }))
  }),
  tls: z
    .object({
      protocol: z.string().nullable(),
      cipher: z.string().nullable(),
      subject: z.string().nullable(),
      issuer: z.string().nullable(),
      subjectAltNames: z.array(z.string()),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      /** Chain verified against the profile CA (else the system store). */
      verified: z.boolean(),
      hostnameVerified: z.boolean(),
      /** The verifier's complaint when not verified, e.g. CERT_HAS_EXPIRED. */
      verifyError: z.string().nullable()
    })
    .nullable(),
  ping: z.object({ samples: z.array(z.number()), p50: z.number(), p95: z.number() }).nullable(),
  write: z.object({ allowed: z.boolean(), readOnly: z.boolean() }).nullable(),
  server: z
    .object({
      version: z.string().nullable(),
      role: z.string().nullable(),
      mode: z.string().nullable(),
      /** Negotiated RESP protocol version (2 or 3). */
      protocol: z.number().int().nullable()
    })
    .nullable(),
  /** SSH path: the bastion's host key when it is unknown (accept it) or changed (hard stop). */
  hostKey: HostKeyPrompt.nullable().optional(),
  /** Direct path: why a private endpoint is unreachable from here, and the paths that would work. */
  diagnosis: PathDiagnosis.nullable().optional(),
  /** Pod path: the pod that ran the test, and whether it was deleted. */
  pod: PodRunInfo.nullable().optional()
})
export type ProbeResult = z.infer<typeof ProbeResult>

export const TestProgress = z.object({
  profileId: z.string().nullable(),
  testId: z.string().nullable(),
  phase: ProbePhase
})
export type TestProgress = z.infer<typeof TestProgress>

export const TestAllResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      result: ProbeResult.nullable(),
      /** A problem before any network traffic (an unreadable secret, say). */
      error: z.object({ code: z.string(), message: z.string() }).nullable()
    })
  )
})
export type TestAllResult = z.infer<typeof TestAllResult>
