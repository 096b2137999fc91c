import type { z } from 'zod'
import type { ProbeResult } from '../../../../shared/schemas/probe'
import type { HostKeyPrompt, PathDiagnosis } from '../../../../shared/schemas/network'
import type { ImportDraft as ImportDraftSchema } from '../../../../shared/schemas/profile'

/** A probe result, plus what a bastion / pod path adds when the test went through one. */
export type TestResult = ProbeResult & {
  code: string | null
  hostKey?: HostKeyPrompt | null
  diagnosis?: PathDiagnosis | null
}

export type ImportDraft = z.output<typeof ImportDraftSchema>
