import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { PrivacyReport } from '../../../../shared/schemas/privacy'
import { call, toAppError } from '../../api/client'

export interface PrivacyReportState {
  /** The profile's name, for the breadcrumb, as soon as it is read. */
  name: string | null
  report: PrivacyReport | null
  error: AppError | null
  running: boolean
  run(): void
}

/** The profile's privacy report: created when the page opens, again on request; a later run replaces an earlier one. */
export function usePrivacyReport(profileId: string): PrivacyReportState {
  const [name, setName] = useState<string | null>(null)
  const [report, setReport] = useState<PrivacyReport | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [running, setRunning] = useState(false)
  const latest = useRef(0)
  const run = useCallback(() => {
    const mine = ++latest.current
    setRunning(true)
    setError(null)
    call('privacy.prove', { profileId })
      .then((r) => mine === latest.current && setReport(r))
      .catch((e: unknown) => mine === latest.current && setError(toAppError(e)))
      .finally(() => mine === latest.current && setRunning(false))
  }, [profileId])
  useEffect(() => run(), [run])
  useEffect(() => {
    call('profiles.get', { id: profileId }).then(
      (p) => setName(p.name),
      () => setName(null)
    )
  }, [profileId])
  return { name, report, error, running, run }
}
