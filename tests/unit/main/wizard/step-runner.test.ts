import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import type { WizardState } from '../../../../src/shared/schemas/wizard'
import * as m from '../../../../src/main/wizard/machine'
import { StepRunner, type Turn } from '../../../../src/main/wizard/step-runner'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { wizardStepTable } from '../../../../src/main/wizard/steps/step-table'
import { fakeServices } from '../../../support/wizard/fake-services'

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-runner-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const newRunner = (store = new WizardStateStore(dir)) => {
  const fake = fakeServices()
  const seen: WizardState[] = []
  const runner = new StepRunner({ store, services: fake.services, sandbox: true, onChange: (s) => seen.push(s) }, m.initialState({ sandbox: true }))
  return { runner, fake, seen, store }
}

describe('StepRunner with a fake step', () => {
  it('records running, then the work’s result, each persisted; prepare runs before and after the lease is taken', async () => {
    const { runner, store, seen } = newRunner()
    const prepared: string[] = []
    let onDisk: WizardState | undefined
    const done = await runner.runStep({
      id: 'account',
      signsIn: true,
      prepare: () => {
        prepared.push(fs.existsSync(store.leaseFile) ? 'with lease' : 'without lease')
        return {
          startPatch: { prerequisites: null },
          work: async () => {
            onDisk = await store.load()
            return m.completeStep(runner.state(), 'account', { account: { source: 'environment', info: { accountId: 'acc' } } })
          }
        }
      }
    })
    expect(prepared).toEqual(['without lease', 'with lease'])
    expect(onDisk?.steps.account.status).toBe('running')
    expect(seen.map((s) => s.steps.account.status)).toEqual(['running', 'done'])
    expect(done.steps.account.status).toBe('done')
    expect((await store.load())?.steps.account.status).toBe('done')
    expect(fs.existsSync(store.leaseFile)).toBe(false)
  })

  it('a step out of order fails before anything is recorded or locked', async () => {
    const { runner, seen, store } = newRunner()
    const refuse = () => {
      throw new AppFailure({ code: 'not_ready', message: 'Sign in first.' })
    }
    await expect(runner.runStep({ id: 'prerequisites', prepare: refuse })).rejects.toMatchObject({ code: 'not_ready' })
    expect(seen).toHaveLength(0)
    expect(fs.existsSync(store.leaseFile)).toBe(false)
    // The runner is free again.
    await expect(runner.exclusive('back', async () => 'ok')).resolves.toBe('ok')
  })

  it('a failing work fails the step with its error; an unknown throw becomes "internal" with the detail', async () => {
    const { runner } = newRunner()
    const failed = await runner.runStep({
      id: 'account',
      signsIn: true,
      prepare: () => ({
        work: async () => {
          throw new AppFailure({ code: 'ibm_forbidden', message: 'No access.' })
        }
      })
    })
    expect(failed.steps.account).toMatchObject({ status: 'failed', error: { code: 'ibm_forbidden', message: 'No access.' } })
    const broken = await runner.runStep({
      id: 'account',
      signsIn: true,
      prepare: () => ({
        work: async () => {
          throw new Error('boom')
        }
      })
    })
    expect(broken.steps.account.error).toMatchObject({ code: 'internal', detail: 'boom' })
    expect(broken.steps.account.error?.message).toMatch(/^Something went wrong inside PSE Wizard/)
  })

  it('one step at a time: a second call while one works is wizard_busy; cancel stops it (ready, not failed)', async () => {
    const { runner } = newRunner()
    let started!: () => void
    const working = new Promise<void>((resolve) => (started = resolve))
    const running = runner.runStep({
      id: 'account',
      signsIn: true,
      prepare: () => ({
        work: (signal) =>
          new Promise<WizardState>((_resolve, reject) => {
            started()
            signal.addEventListener('abort', () => reject(new AppFailure({ code: 'cancelled', message: 'Cancelled.' })))
          })
      })
    })
    await working
    await expect(runner.runStep({ id: 'account', signsIn: true, prepare: () => ({ work: async () => runner.state() }) })).rejects.toMatchObject({
      code: 'wizard_busy'
    })
    await runner.cancel()
    const stopped = await running
    expect(stopped.steps.account.status).toBe('ready')
    expect(stopped.busy).toBe(false)
  })

  it('a step that keeps its turn hands the lease on to a background task, released when the task ends', async () => {
    const { runner, store } = newRunner()
    await runner.runStep({
      id: 'account',
      signsIn: true,
      keepTurn: true,
      prepare: () => ({ work: async () => m.completeStep(runner.state(), 'account') })
    })
    expect(fs.existsSync(store.leaseFile)).toBe(true)
    let finish!: () => void
    const task = (turn: Turn) =>
      new Promise<void>((resolve) => {
        finish = () => {
          turn.end()
          resolve()
        }
      })
    await runner.handOn(task)
    await expect(runner.exclusive('back', async () => 'ok')).rejects.toMatchObject({ code: 'wizard_busy' })
    finish()
    await runner.idle()
    await expect(runner.exclusive('back', async () => 'ok')).resolves.toBe('ok')
    expect(fs.existsSync(store.leaseFile)).toBe(false)
  })

  it('a cloud step signs in again from the saved source first, once', async () => {
    const { runner, fake } = newRunner()
    await expect(runner.runStep({ id: 'prerequisites', prepare: () => ({ work: async () => runner.state() }) })).resolves.toMatchObject({
      steps: { prerequisites: { status: 'failed', error: { code: 'not_ready' } } }
    })
    await runner.commit(m.update(runner.state(), { account: { source: 'environment', info: { accountId: 'acc' } } }))
    await runner.runStep({ id: 'prerequisites', prepare: () => ({ work: async () => m.completeStep(runner.state(), 'prerequisites') }) })
    await runner.runStep({ id: 'prerequisites', prepare: () => ({ work: async () => m.completeStep(runner.state(), 'prerequisites') }) })
    expect(fake.calls.filter((c) => c === 'restoreSession')).toHaveLength(1)
  })
})

describe('the step table', () => {
  it('names every step under its own id', () => {
    for (const [key, step] of Object.entries(wizardStepTable)) expect(step.id).toBe(key)
  })
})
