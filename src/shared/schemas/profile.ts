import { z } from 'zod'
import { cleanProfileName, hasUnsafeNameCharacters, PROFILE_NAME_MAX } from '../profile-name'
import { NetworkPath } from './network-path'

/**
 * A saved connection profile. It never holds a secret: the password and the client key live in
 * the OS keychain; `secrets` only says where each one is kept.
 */

const PEM_CERT = /^\s*(-----BEGIN CERTIFICATE-----\r?\n(?:[A-Za-z0-9+/=]{1,76}\r?\n)+-----END CERTIFICATE-----\s*)+$/
/** One or more PEM certificates (shape only; main also parses them with X509Certificate). */
export const PemCertificates = z
  .string()
  .max(64_000)
  .refine((s) => PEM_CERT.test(s), { message: 'Expected one or more PEM certificates (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).' })

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/
export const isHost = (s: string): boolean => HOSTNAME.test(s) || IPV4.test(s) || (s.includes(':') && IPV6.test(s))
export const Host = z.string().min(1).max(253).refine(isHost, { message: 'Enter a host name or an IP address.' })

export const ProfileId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s,]+$/, 'Tags have no spaces or commas.')

export const TlsSettings = z
  .object({
    enabled: z.boolean(),
    /** CA certificate(s) to trust, PEM. Public, so kept in the profile. Null: the system store. */
    caPem: PemCertificates.nullable(),
    /** SNI and the name the certificate must match; null means the host. */
    servername: Host.nullable(),
    /** Verify the chain and the host name. Off only by an explicit "insecure" choice. */
    verifyServerCert: z.boolean(),
    /** Client certificate (PEM) for mutual TLS; its key is a secret in the keychain. */
    clientCertPem: PemCertificates.nullable()
  })
  .strict()
export type TlsSettings = z.infer<typeof TlsSettings>

export const Timeouts = z
  .object({
    connectMs: z.number().int().min(100).max(120_000),
    commandMs: z.number().int().min(100).max(120_000)
  })
  .strict()

export const Origin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }).strict(),
  z
    .object({
      kind: z.literal('ibmcloud'),
      crn: z.string().max(512).nullable(),
      region: z.string().max(64).nullable(),
      endpointType: z.enum(['public', 'private']),
      /** Profiles saved before Gen 2 have none: Gen 1. */
      generation: z.enum(['gen1', 'gen2']).default('gen1'),
      /**
       * The resource key whose user the profile signs in as (the wizard's service key), so its role
       * can be told later: a Gen 2 key's credentials cannot be read again to match the user. Absent: the admin user, or unknown.
       */
      keyCrn: z.string().max(512).optional()
    })
    .strict()
])
export type Origin = z.infer<typeof Origin>

/** Where a secret is kept: the OS keychain, this session's memory only, or nowhere (none set). */
export const SecretLocation = z.enum(['keychain', 'session', 'none'])
export type SecretLocation = z.infer<typeof SecretLocation>
/** `sshSecret`: the bastion key's passphrase, or the bastion password (per the path's auth method). */
export const SecretName = z.enum(['password', 'clientKey', 'sshSecret'])
export type SecretName = z.infer<typeof SecretName>

export const LastTest = z
  .object({
    at: z.string(),
    ok: z.boolean(),
    /** The test's result code (the probe's, or an ssh_* / pod_* path code). */
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64)
      .nullable(),
    totalMs: z.number().nonnegative()
  })
  .strict()

/** A typed name: control characters, line/paragraph separators and bidi controls are refused. */
export const ProfileName = z
  .string()
  .trim()
  .min(1)
  .max(PROFILE_NAME_MAX)
  .refine((s) => !hasUnsafeNameCharacters(s), {
    message: 'A profile name cannot hold control characters, line or paragraph separators, or text-direction controls: remove them.'
  })
/** A saved name: one written before names were checked is cleaned, not refused (the profile stays). */
const StoredProfileName = z
  .string()
  .max(4096)
  .transform((s) => cleanProfileName(s))

/** The fields a user edits (create / update / import). */
export const ProfileFields = z
  .object({
    name: ProfileName,
    tags: z.array(Tag).max(20),
    host: Host,
    port: z.number().int().min(1).max(65_535),
    db: z.number().int().min(0).max(255),
    /** ACL user name; null: password only (the `default` user) or no authentication. */
    username: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[^\s]+$/)
      .nullable(),
    tls: TlsSettings,
    timeouts: Timeouts,
    networkPath: NetworkPath,
    origin: Origin
  })
  .strict()
export type ProfileFields = z.infer<typeof ProfileFields>

export const Profile = ProfileFields.extend({
  name: StoredProfileName,
  id: ProfileId,
  // sshSecret came later: files written before it have none.
  secrets: z.object({ password: SecretLocation, clientKey: SecretLocation, sshSecret: SecretLocation.default('none') }).strict(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastTest: LastTest.nullable()
}).strict()
export type Profile = z.infer<typeof Profile>

export const defaultTimeouts = { connectMs: 5000, commandMs: 3000 } as const

/** A blank manual profile's fields (the editor's starting point). */
export function defaultProfileFields(overrides: Partial<ProfileFields> = {}): ProfileFields {
  return {
    name: '',
    tags: [],
    host: '',
    port: 6379,
    db: 0,
    username: null,
    tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true, clientCertPem: null },
    timeouts: { ...defaultTimeouts },
    networkPath: { kind: 'direct' },
    origin: { kind: 'manual' },
    ...overrides
  }
}

/** Secrets as they travel into main (never out, except through an explicit reveal). */
export const SecretsInput = z
  .object({
    /** A string sets it; null deletes it; absent leaves it unchanged. */
    password: z.string().min(1).max(4096).nullable().optional(),
    clientKey: z.string().min(1).max(64_000).nullable().optional(),
    sshSecret: z.string().min(1).max(4096).nullable().optional()
  })
  .strict()
export type SecretsInput = z.infer<typeof SecretsInput>

export const ExportFormat = z.enum(['redli', 'redis-cli', 'env', 'kubernetes', 'json'])
export type ExportFormat = z.infer<typeof ExportFormat>

export const ImportFormat = z.enum(['url', 'ibm-service-key', 'ibm-cdb-connections', 'redli', 'json'])
export type ImportFormat = z.infer<typeof ImportFormat>

export const KeychainStatus = z.object({
  /** 'keychain': the OS keychain works; 'session': secrets kept in memory until the app quits (chosen); 'unavailable'. */
  mode: z.enum(['keychain', 'session', 'unavailable']),
  message: z.string()
})
export type KeychainStatus = z.infer<typeof KeychainStatus>

// ── Call payloads (see the Profiles section of the contract) ────────────────

/** Optional id the caller picks to match progress events to its test. */
const TestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const ProfileList = z.object({ profiles: z.array(Profile), warning: z.string().nullable() })
export const ProfileIdInput = z.object({ id: ProfileId }).strict()
export const CreateProfileInput = z
  .object({
    fields: ProfileFields,
    secrets: SecretsInput.optional(),
    /** Attach the secrets found by profiles.import (they never travel to the window). */
    importId: z.string().uuid().optional()
  })
  .strict()
export const UpdateProfileInput = z.object({ id: ProfileId, fields: ProfileFields.partial().strict().optional(), secrets: SecretsInput.optional() }).strict()
export const RevealSecretInput = z.object({ id: ProfileId, secret: SecretName }).strict()
export const RevealedSecret = z.object({ value: z.string().nullable() })
export const TestProfileInput = z.object({ id: ProfileId, testId: TestId.optional() }).strict()
export const TestDraftInput = z
  .object({
    fields: ProfileFields,
    secrets: z
      .object({
        password: z.string().min(1).max(4096).optional(),
        clientKey: z.string().min(1).max(64_000).optional(),
        sshSecret: z.string().min(1).max(4096).optional()
      })
      .strict()
      .optional(),
    importId: z.string().uuid().optional(),
    /** Editing a saved profile: use its stored secrets where none are given (only where they were saved for). */
    profileId: ProfileId.optional(),
    /**
     * `host:port` of this draft, confirmed by the user: lets a saved password / client key go to a
     * changed host, port or TLS server name (never to a connection without verified TLS).
     */
    confirmEndpoint: z.string().min(3).max(260).optional(),
    testId: TestId.optional()
  })
  .strict()
export const TestAllInput = z.object({ ids: z.array(ProfileId).max(500).optional(), concurrency: z.number().int().min(1).max(8).optional() }).strict()
export const ImportInput = z
  .object({
    text: z
      .string()
      .min(1)
      .max(256 * 1024),
    format: ImportFormat.optional()
  })
  .strict()
export const ImportDraft = z.object({
  importId: z.string().uuid(),
  format: ImportFormat.or(z.enum(['ibm-service-key', 'ibm-cdb-connections'])),
  fields: ProfileFields,
  secretsFound: z.object({ password: z.boolean(), clientKey: z.boolean() }),
  notes: z.array(z.string())
})
export const ExportInput = z.object({ id: ProfileId, format: ExportFormat, withSecrets: z.boolean() }).strict()
export const ExportOutput = z.object({ text: z.string(), filename: z.string(), containsSecrets: z.boolean() })
