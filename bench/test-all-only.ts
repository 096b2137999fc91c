import { testAllRows } from './report'
import { markdownTable } from './lib/table'
import { startTlsTarget } from './lib/tls-target'
import { measureTestAll } from './scenarios/test-all'

/**
 * `node --import tsx bench/test-all-only.ts`: the "test all" scenario alone (item 4b, recording
 * on vs off), printed as the table rows plus the raw figures as JSON. bench/results.json is not touched.
 */
async function main(): Promise<void> {
  const target = await startTlsTarget()
  try {
    const figures = await measureTestAll(target)
    process.stdout.write(`${markdownTable(testAllRows(figures))}\n\n${JSON.stringify(figures, null, 2)}\n`)
  } finally {
    await target.stop()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`)
    process.exit(1)
  }
)
