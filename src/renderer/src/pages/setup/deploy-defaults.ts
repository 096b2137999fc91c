import type { RedisVersion } from '../../../../shared/schemas/ibmcloud'
import type { WizardOptions } from '../../../../shared/schemas/wizard'
import { toDraft, type DeployDraft } from './deploy-form'

/** The version IBM Cloud marks preferred in this region's list, else the first offered, else '' (IBM picks). */
export function preferredVersion(versions: readonly RedisVersion[]): string {
  return (versions.find((v) => v.preferred) ?? versions[0])?.version ?? ''
}

/** The form's starting values: main's defaults with the region's preferred version chosen, not left blank. */
export function initialDraft(options: WizardOptions): DeployDraft {
  const draft = toDraft(options.defaults)
  return keepOfferedVersion(draft, options.versions)
}

/** After the region (and so the version list) changes: a version the region does not offer gives way to its preferred one. */
export function keepOfferedVersion(draft: DeployDraft, versions: readonly RedisVersion[]): DeployDraft {
  if (draft.version !== '' && versions.some((v) => v.version === draft.version)) return draft
  return { ...draft, version: preferredVersion(versions) }
}
