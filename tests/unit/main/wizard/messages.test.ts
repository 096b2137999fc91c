import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { wizardMessages } from '../../../../src/main/wizard/messages'

const wizardDir = path.resolve(__dirname, '../../../../src/main/wizard')

const sourceFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))

describe('the wizard messages', () => {
  it('say what they said before, from the facts they name', () => {
    expect(wizardMessages.busyElsewhere({ holderPid: 4242, inThisProcess: false, otherHost: 'build-box', runningStep: 'wait' })).toBe(
      'Another PSE Wizard process (process 4242 on build-box) is working on the "wait" step of this setup with the same data folder (the desktop app, or "pse-wizard setup" in a terminal). Wait for it to finish there, or stop it, then try again.'
    )
    expect(wizardMessages.busyElsewhere({ holderPid: 1, inThisProcess: true, otherHost: null, runningStep: null })).toMatch(
      /^Another PSE Wizard process \(in this process\) is working on this setup with/
    )
    expect(wizardMessages.busyElsewhere({ holderPid: null, inThisProcess: false, otherHost: null, runningStep: null })).toMatch(
      /^Another PSE Wizard process is working on this setup/
    )
    expect(wizardMessages.noPrivateEndpoint({ instanceName: 'Redis-0101' })).toBe(
      '"Redis-0101" has no private endpoint. Enable it (ibmcloud resource service-instance-update Redis-0101 --service-endpoints public-and-private), or deploy a new instance with private endpoints.'
    )
    expect(wizardMessages.endpointTestFailed({ endpoint: 'public', probeMessage: null })).toBe('The public endpoint test failed: see the timeline')
    expect(wizardMessages.passwordRejected({ problems: ['Too short.', 'No digit.'] })).toBe(
      "This password does not meet IBM Cloud Databases' rules: Too short. No digit."
    )
    expect(wizardMessages.prerequisiteUnavailable({ label: 'IBM Cloud CLI' })).toBe('IBM Cloud CLI: not available.')
    expect(wizardMessages.waitStillTrying({ ibmMessage: 'IBM Cloud is busy.' })).toBe('IBM Cloud is busy. PSE Wizard keeps waiting and asks again.')
  })

  it('every message is a sentence (a function of its facts, under a stable id)', () => {
    const facts = {
      holderPid: 1,
      inThisProcess: false,
      otherHost: null,
      runningStep: null,
      label: 'L',
      problems: ['Too short.'],
      ibmMessage: 'M.',
      instanceName: 'n',
      endpoint: 'private',
      probeMessage: 'x',
      why: 'Why.'
    }
    for (const [id, say] of Object.entries(wizardMessages)) {
      const text = (say as (p: typeof facts) => string)(facts)
      expect(text, id).toMatch(/^["A-Z].*\S$/s)
    }
  })

  it('no user-facing sentence is written inside the logic (messages.ts holds them)', () => {
    // headless.ts is the CLI driver's (another module's) business.
    const logic = sourceFiles(wizardDir).filter((f) => !/\/(messages|headless)\.ts$/.test(f))
    const offenders = logic.filter((f) => /\bmessage:\s*['"`]/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(wizardDir, f))
    expect(offenders).toEqual([])
  })
})
