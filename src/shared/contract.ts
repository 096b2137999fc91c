import { z } from 'zod'
import { call, event, schemaModule, type InputSchemaOf, type OutputSchemaOf, type PayloadSchemaOf } from './contract-kit'

/** The schema modules, each imported (and its zod schemas built) on the first call that names it. */
const app = schemaModule(() => import('./schemas/app'))
const profile = schemaModule(() => import('./schemas/profile'))
const probe = schemaModule(() => import('./schemas/probe'))
const network = schemaModule(() => import('./schemas/network'))
const networkPath = schemaModule(() => import('./schemas/network-path'))
const ibmcloud = schemaModule(() => import('./schemas/ibmcloud'))
const wizard = schemaModule(() => import('./schemas/wizard'))
const restrictions = schemaModule(() => import('./schemas/restrictions'))
const privacy = schemaModule(() => import('./schemas/privacy'))

/**
 * The table of contents of the app: every call the UI can make and every event main pushes.
 * Both transports (Electron IPC and loopback HTTP) serve exactly this list, validating every
 * input against its schema; outputs are parsed too, so nothing outside a schema (a secret
 * carried by accident) ever reaches the renderer.
 *
 * Keep it readable top to bottom: one entry per call, grouped by screen, `[input, output]`
 * from the modules of `./schemas/*` (`profile().Profile`). Each call builds its schemas on its
 * first use, so a command that makes one call loads no other call's schemas.
 */
export const calls = {
  // ── App: src/main/app-info.ts ─────────────────────────────────────────────
  'app.info': call('Name, version, transport and data folder of this app', () => [z.object({}).strict(), app().AppInfo]),
  'app.relaunch': call('Restart the desktop app in or out of sandbox mode (browser mode answers with the command to run)', () => [
    z.object({ sandbox: z.boolean() }).strict(),
    z.object({ restarting: z.literal(true) })
  ]),

  // ── Settings: src/main/settings/handlers.ts ───────────────────────────────
  'settings.get': call('Current settings', () => [z.object({}).strict(), app().Settings]),
  'settings.set': call('Change some settings; returns all of them', () => [app().SettingsPatch, app().Settings]),

  // ── Profiles and the connection test: src/main/profiles/handlers.ts ───────
  'profiles.list': call('All saved profiles (never a secret); warning when the file had to be kept aside', () => [
    z.object({}).strict(),
    profile().ProfileList
  ]),
  'profiles.get': call('One profile', () => [profile().ProfileIdInput, profile().Profile]),
  'profiles.find': call('One profile by its id or its name (the command line names profiles either way)', () => [
    z.object({ nameOrId: z.string().min(1).max(400) }).strict(),
    profile().Profile
  ]),
  'profiles.create': call('Save a new profile; secrets go to the keychain (or an import id attaches pasted ones)', () => [
    profile().CreateProfileInput,
    profile().Profile
  ]),
  'profiles.update': call('Change fields and/or secrets (null deletes a secret)', () => [profile().UpdateProfileInput, profile().Profile]),
  'profiles.delete': call('Delete a profile and its keychain entries', () => [profile().ProfileIdInput, z.object({ deleted: z.boolean() })]),
  'profiles.revealSecret': call('Show one secret on explicit request (the reveal/copy click)', () => [profile().RevealSecretInput, profile().RevealedSecret]),
  'profiles.test': call('Run the connection test for a saved profile; progress in profiles.testProgress', () => [
    profile().TestProfileInput,
    probe().ProbeResult
  ]),
  'profiles.testDraft': call('Test unsaved editor fields (secrets given, from an import id, or from the saved profile)', () => [
    profile().TestDraftInput,
    probe().ProbeResult
  ]),
  'profiles.testAll': call('Test many profiles with bounded concurrency', () => [profile().TestAllInput, probe().TestAllResult]),
  'profiles.import': call('Read a URL, service key, cdb JSON, redli line or profile file into a draft; secrets stay in main', () => [
    profile().ImportInput,
    profile().ImportDraft
  ]),
  'profiles.export': call('Export as redli, redis-cli, .env, Kubernetes or JSON; secrets only when asked', () => [
    profile().ExportInput,
    profile().ExportOutput
  ]),
  'profiles.keychainStatus': call('Is the OS keychain usable (or session-only chosen)?', () => [z.object({}).strict(), profile().KeychainStatus]),
  'profiles.useSessionSecrets': call('Choose "this session only" for secrets when there is no keychain', () => [
    z.object({}).strict(),
    profile().KeychainStatus
  ]),

  // ── Network paths (SSH bastion, pod, diagnosis): src/main/network/handlers.ts
  'network.testPath': call(
    'Test a profile along its network path (direct, SSH bastion, pod) or an unsaved one: SSH/pod phases in the timeline, the host key to accept, a diagnosis when a private endpoint fails',
    () => [network().TestPathInput, network().PathTestResult]
  ),
  'network.acceptHostKey': call('Trust the SSH host key the user checked (first connection; replacing a changed key needs replace: true)', () => [
    network().AcceptHostKeyInput,
    z.object({ accepted: z.literal(true) })
  ]),
  'network.forgetHostKey': call('Forget a trusted SSH host key', () => [network().ForgetHostKeyInput, z.object({ forgotten: z.boolean() })]),
  'network.hostKeys': call('Every SSH host key trusted so far, as [host]:port with its type, fingerprint and when it was accepted', () => [
    z.object({}).strict(),
    z.array(network().PinnedHostKey)
  ]),
  'network.sshPathFromSpec': call(
    'A one-off SSH bastion path from USER@HOST[:PORT] or a ~/.ssh/config alias (its ProxyJump hops and IdentityFile), for a test through it',
    () => [network().SshSpecInput, networkPath().SshPath]
  ),
  'network.sshAliases': call('Host aliases of ~/.ssh/config, for the bastion picker', () => [z.object({}).strict(), network().SshConfigAliases]),
  'network.resolveSshAlias': call('What a ~/.ssh/config alias means: HostName, Port, User, IdentityFile, ProxyJump hops', () => [
    network().ResolveSshAliasInput,
    network().ResolvedSshAlias
  ]),
  'network.diagnose': call('Test the endpoint directly and explain why a private endpoint fails from here, with the paths that would work', () => [
    network().DiagnoseInput,
    network().PathDiagnosis.nullable()
  ]),
  'network.openTunnel': call(
    "Keep an SSH tunnel to the profile's Redis open on 127.0.0.1 for a few minutes (closed when the time is up or the app quits)",
    () => [network().OpenTunnelInput, network().SessionTunnel]
  ),
  'network.tunnels': call('SSH tunnels open right now', () => [z.object({}).strict(), z.array(network().SessionTunnel)]),
  'network.closeTunnel': call('Close an SSH tunnel now', () => [network().CloseTunnelInput, z.object({ closed: z.boolean() })]),
  // ── IBM Cloud: src/main/ibmcloud/handlers.ts ──────────────────────────────
  'ibmcloud.validateApiKey': call('Check an API key with IAM (not stored); account id and name', () => [
    z.object({ apiKey: z.string().min(1).max(400) }).strict(),
    ibmcloud().AccountInfo
  ]),
  'ibmcloud.checkPrerequisites': call(
    "Gen 1 (default): API key, account, ibmcloud CLI and login, cloud-databases plugin, VRF and service endpoints; Gen 2 (with a region): API key, account, the region's Gen 2 deployment, VPC, subnet, IAM roles; each with advice",
    () => [wizard().CheckPrerequisitesInput, ibmcloud().PrereqReport]
  ),
  'ibmcloud.installPlugin': call('Install (or update) the cloud-databases CLI plugin, then check again', () => [
    z.object({ update: z.boolean().optional() }).strict(),
    ibmcloud().PrereqReport
  ]),
  'ibmcloud.regions': call('Cloud Databases regions', () => [z.object({}).strict(), z.object({ regions: z.array(ibmcloud().Region) })]),
  'ibmcloud.resourceGroups': call('Active resource groups, default first', () => [
    z.object({}).strict(),
    z.object({ resourceGroups: z.array(ibmcloud().ResourceGroup) })
  ]),
  'ibmcloud.redisVersions': call('Redis versions offered in a region, preferred first', () => [
    z.object({ region: z.string().regex(/^[a-z0-9-]{2,32}$/) }).strict(),
    z.object({ versions: z.array(ibmcloud().RedisVersion) })
  ]),
  'ibmcloud.instances': call('Existing Databases for Redis instances (all pages), optionally in one region', () => [
    z
      .object({
        region: z
          .string()
          .regex(/^[a-z0-9-]{2,32}$/)
          .optional()
      })
      .strict(),
    z.object({ instances: z.array(ibmcloud().RedisInstance) })
  ]),
  // ── Setup wizard: src/main/wizard/handlers.ts ─────────────────────────────
  'wizard.state': call('The setup wizard state (persisted; resumes after a restart)', () => [z.object({}).strict(), wizard().WizardState]),
  'wizard.accountChoices': call('Which API key sources exist: keychain, IBMCLOUD_API_KEY, CLI session', () => [z.object({}).strict(), wizard().AccountChoices]),
  'wizard.account': call('Step 1: sign in with an API key (kept in the keychain, never echoed) or another source', () => [
    wizard().AccountInput,
    wizard().WizardState
  ]),
  'wizard.checkPrerequisites': call(
    'Step 2: check VRF, service endpoints, CLI and plugin, or (Gen 2, a region) the VPC, subnet, Gen 2 deployment and IAM roles (re-check any time)',
    () => [wizard().CheckPrerequisitesInput, wizard().WizardState]
  ),
  'wizard.openSupportCase': call('Step 2, VRF off: open the support case with the text shown (once per run; again = read its status)', () => [
    wizard().OpenSupportCaseInput,
    wizard().WizardState
  ]),
  'wizard.options': call('Step 3: regions, resource groups, versions, flavors and existing instances for the form', () => [
    wizard().OptionsInput,
    wizard().WizardOptions
  ]),
  'wizard.deploy': call('Step 3: create the instance (after the confirmed summary) or adopt one; the wait runs in main', () => [
    wizard().DeployInput,
    wizard().WizardState
  ]),
  'wizard.idle': call('Wait until the wizard works on nothing (the provisioning wait included); its state then (pse-wizard setup)', () => [
    z.object({}).strict(),
    wizard().WizardState
  ]),
  'wizard.resume': call('Retry the current step, or resume the provisioning wait after cancel or a failure', () => [
    z.object({}).strict(),
    wizard().WizardState
  ]),
  'wizard.checkPassword': call('Step 5: check a password against the service rules before sending it', () => [
    wizard().CheckPasswordInput,
    wizard().PasswordCheck
  ]),
  'wizard.setPassword': call('Step 5: set the admin password (generated or entered); kept in the keychain', () => [
    wizard().PasswordInput,
    wizard().WizardState
  ]),
  'wizard.createCredentials': call('Step 5, Gen 2: create (or reuse) the Manager service key; its credentials go to the keychain from the create', () => [
    wizard().CreateCredentialsInput,
    wizard().WizardState
  ]),
  'wizard.revealPassword': call('Step 5: show the admin password (Gen 2: the Manager key\'s) on explicit request', () => [z.object({}).strict(), z.object({ password: z.string() })]),
  'wizard.fetchConnection': call('Step 6: connection details; Gen 2 (or Gen 1 with `vpe`): the VPE gateway in the deploy form\'s VPC, reused or created', () => [
    wizard().ConnectionInput,
    wizard().WizardState
  ]),
  'wizard.createServiceKey': call('Step 7: create (or reuse) the private service key', () => [wizard().ServiceKeyInput, wizard().WizardState]),
  'wizard.test': call('Step 8: test the public and private endpoints with the probe', () => [wizard().TestInput, wizard().WizardState]),
  'wizard.save': call('Step 9: save public and private connection profiles, secrets in the keychain', () => [wizard().SaveInput, wizard().WizardState]),
  'wizard.back': call('Go back one step (nothing in the cloud changes)', () => [z.object({}).strict(), wizard().WizardState]),
  'wizard.goTo': call('Go to a step already reached', () => [wizard().GoToInput, wizard().WizardState]),
  'wizard.cancel': call('Stop waiting or working; never deletes anything', () => [z.object({}).strict(), wizard().WizardState]),
  'wizard.reset': call('Start the wizard over (cloud resources and saved profiles stay)', () => [z.object({}).strict(), wizard().WizardState]),
  'wizard.deleteInstance': call('Delete the wizard instance in IBM Cloud; the typed name must match', () => [
    wizard().DeleteInstanceInput,
    wizard().WizardState
  ]),

  // Who may connect: a context-based restriction (or the Gen 1 allowlist) on a profile's instance
  'restrictions.apply': call(
    "Admit only these networks to a saved profile's instance; checks the profile still connects, else puts the restriction back",
    () => [restrictions().RestrictInput, restrictions().RestrictResult]
  ),
  'restrictions.sourceAddress': call(
    "The address this computer reaches a saved profile's endpoint from (direct paths; null through a bastion or pod, or when nothing answers), to suggest as an entry",
    () => [z.object({ profileId: z.string().min(1).max(64) }).strict(), z.object({ address: z.string().max(100).nullable() })]
  ),
  'restrictions.vpcs': call("The VPCs with a VPE gateway to a saved profile's instance (with their subnets), to suggest as zone entries", () => [
    z.object({ profileId: z.string().min(1).max(64) }).strict(),
    restrictions().SuggestedVpcs
  ]),

  // The privacy report: src/main/privacy/handlers.ts
  'privacy.prove': call(
    "Check five claims about a profile's instance (private endpoints only, no answer from the internet, restricted, reachable the intended way, narrow credentials), each holds / fails / inconclusive with its evidence",
    () => [privacy().ProveInput, privacy().PrivacyReport]
  )
} as const

/** Events main pushes to the UI: each payload's schema, built on its first event. */
export const events = {
  'profiles.testProgress': event(() => probe().TestProgress),
  'profiles.changed': event(() => z.object({ ids: z.array(z.string()) })),
  'settings.changed': event(() => app().Settings),
  'wizard.changed': event(() => wizard().WizardState)
} as const

export type Calls = typeof calls
export type CallName = keyof Calls
/** The input schema of a call (its type; the schema itself is `await calls[name].schemas()`). */
export type CallInputSchema<N extends CallName> = InputSchemaOf<Calls[N]>
export type CallOutputSchema<N extends CallName> = OutputSchemaOf<Calls[N]>
export type CallInput<N extends CallName> = z.input<CallInputSchema<N>>
export type CallOutput<N extends CallName> = z.output<CallOutputSchema<N>>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<N extends EventName> = z.output<PayloadSchemaOf<Events[N]>>

export const callNames = Object.keys(calls) as CallName[]
export const eventNames = Object.keys(events) as EventName[]

export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name)
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
