#!/usr/bin/env node
// Electron security audit (Doyensec's Electronegativity) over src/: prints every finding for
// review and fails on any HIGH or CRITICAL one.
//
// Offline by design: the Electron version is given (-e) so it does not fetch release lists,
// and AvailableSecurityFixesGlobalCheck is skipped because all it does is download Electron's
// release notes (no network here; `npm outdated electron` answers that question).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const electronBaseline = `${electronVersion.split('.')[0]}.0.0`
const bin = path.join(root, 'node_modules', '.bin', 'electronegativity')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-'))

function audit(extra) {
  const report = path.join(dir, 'report.csv')
  const run = spawnSync(bin, ['-i', path.join(root, 'src'), '-e', electronBaseline, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, ...extra], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000
  })
  if (!fs.existsSync(report)) {
    console.error(run.stdout, run.stderr)
    console.error('electronegativity: no report was written')
    process.exit(1)
  }
  return { text: run.stdout, findings: fs.readFileSync(report, 'utf8').split('\n').filter((l) => /^[A-Z_]+_CHECK,/.test(l)) }
}

// The first five columns (id, severity, confidence, file, location) never hold a comma.
const findings = audit([]).findings.map((line) => {
  const [id, severity, confidence, file, location] = line.split(',').map((f) => f.replaceAll('"', ''))
  return { id, severity, confidence, where: `src/${file}:${location}` }
})
for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.confidence.padEnd(9)} ${f.id.padEnd(30)} ${f.where}`)
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')
console.log(`electronegativity (Electron ${electronBaseline}): ${findings.length} findings to review, ${blocking.length} high or critical`)
for (const f of blocking) console.error(`BLOCKING: ${f.id} at ${f.where}`)
process.exit(blocking.length ? 1 : 0)
