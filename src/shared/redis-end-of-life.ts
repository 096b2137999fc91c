/**
 * When IBM Cloud Databases for Redis (Gen 1) versions reach end of life, and the source.
 * Past that date IBM upgrades a deployment in place, without SLA; a new one should not use it.
 * Keep this list in step with the docs below; a version not listed has no announced date.
 */
export const redisEndOfLifeSource =
  'IBM Cloud Docs: Databases for Redis release notes (2024-04-26, 2024-10-25, 2025-07-30, 2026-01-27) and cloud-databases db-version-policy.md; see docs/ibm-cloud-api-facts.md §g and docs/ibm-cloud-gen2-and-restrictions-facts.md §5'

/** Version → end-of-life date (YYYY-MM-DD, UTC). */
export const redisEndOfLife: Readonly<Record<string, string>> = {
  '5.0': '2024-04-26',
  '6.0': '2024-10-25',
  '6.2': '2025-07-30',
  '7.2': '2026-08-19'
}

/** How far ahead a coming end of life is worth a warning. */
export const endOfLifeWarningDays = 180

export type EndOfLifeNotice = { kind: 'reached' | 'near'; version: string; date: string }

/** A notice for `version` as of `today`: reached, near (within the warning window), or none. */
export function endOfLifeNotice(version: string, today: Date): EndOfLifeNotice | null {
  const date = redisEndOfLife[version]
  if (date === undefined) return null
  const eol = Date.parse(`${date}T00:00:00Z`)
  const dayMs = 86_400_000
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  if (todayUtc >= eol) return { kind: 'reached', version, date }
  if (eol - todayUtc <= endOfLifeWarningDays * dayMs) return { kind: 'near', version, date }
  return null
}
