import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { WizardJob } from '../../../../src/main/wizard/job'
import * as m from '../../../../src/main/wizard/machine'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { vpcResourceName } from '../../../../src/main/wizard/cli-equivalents-gen2'
import { defaultDeployForm, type WizardState } from '../../../../src/shared/schemas/wizard'
import { GEN2_HOST } from '../../../support/wizard/fake-vpc'
import { fakeServices, type FakeControl } from '../../../support/wizard/fake-services'

const GEN2_CRN = 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc:guid-2::'

/** A wizard at step 6: signed in, the instance ready, step 5 done; the deploy form names the VPC. */
function atConnection(generation: 'gen1' | 'gen2', form: { vpcId: string | null; subnetIds?: string[] }): WizardState {
  const s = m.initialState({ sandbox: true })
  const done = { status: 'done' as const, error: null, updatedAt: s.createdAt }
  return {
    ...s,
    current: 'connection',
    steps: { ...s.steps, account: done, prerequisites: done, deploy: done, wait: done, password: done, connection: { ...done, status: 'ready' } },
    account: { source: 'environment', info: { accountId: 'acc', accountName: 'Acme' } },
    deploy: { mode: 'create', form: defaultDeployForm({ generation, vpcId: form.vpcId, subnetIds: form.subnetIds ?? [], resourceGroupId: 'rg1' }) },
    instance: {
      id: generation === 'gen2' ? GEN2_CRN : 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc:guid-1::',
      guid: generation === 'gen2' ? 'guid-2' : 'guid-1',
      name: 'Redis-0101',
      region: 'jp-tok',
      resourceGroupId: 'rg1',
      serviceEndpoints: generation === 'gen2' ? 'private' : 'public-and-private',
      state: 'active',
      adopted: false,
      generation
    }
  }
}

describe('step 6 with a VPE gateway (fake services)', () => {
  let dir: string
  let fake: FakeControl
  /** Every state announced (each is on disk first). */
  let changes: WizardState[]
  const open = async (state: WizardState) => {
    await new WizardStateStore(dir).save(state)
    return WizardJob.open({ store: new WizardStateStore(dir), services: fake.services, sandbox: true, resumeWait: false, transientDelayMs: 1, onChange: (s) => changes.push(s) })
  }
  const distinct = (xs: Array<string | null | undefined>) => xs.filter((x, i) => x && x !== xs[i - 1])
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-vpe-'))
    fake = fakeServices()
    changes = []
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('Gen 2: reads the domain from the extensions, creates the gateway with the consented group, and records pending → stable', async () => {
    const job = await open(atConnection('gen2', { vpcId: 'vpc-1' }))
    const state = await job.fetchConnection({ createSecurityGroup: true })
    expect(distinct(changes.map((c) => c.vpe?.lifecycleState))).toEqual(['pending', 'stable'])
    // The domain was recorded before the gateway wait, so the UI shows it while the gateway comes up.
    const firstPending = changes.find((c) => c.vpe?.lifecycleState === 'pending')!
    expect(firstPending.connections.private?.hostname).toBe(GEN2_HOST)
    expect(firstPending.vpe?.ips.map((ip) => ip.address)).toEqual(['0.0.0.0', '0.0.0.0', '0.0.0.0'])
    expect(state.steps.connection).toMatchObject({ status: 'done', error: null })
    expect(state.connections.private).toMatchObject({ hostname: GEN2_HOST, port: 6379, servername: GEN2_HOST, caPem: '', username: '' })
    expect(state.connections.public).toBeNull()
    expect(state.vpe).toMatchObject({ name: 'redis-0101-vpe', vpcId: 'vpc-1', reused: false, createdSecurityGroup: true, lifecycleState: 'stable', port: 6379, hostname: GEN2_HOST })
    expect(state.vpe?.ips.map((ip) => ip.zone)).toEqual(['jp-tok-1', 'jp-tok-2', 'jp-tok-3'])
    expect(state.vpe?.ips.every((ip) => ip.address !== '0.0.0.0')).toBe(true)
    expect(fake.vpc.calls).toContain('ensureSecurityGroup:redis-0101-vpe-sg:6379:10.240.0.0/24,10.240.64.0/24,10.240.128.0/24')
    expect(fake.vpc.calls.filter((c) => c.startsWith('createGateway'))).toEqual(['createGateway:redis-0101-vpe:sn-1,sn-2,sn-3:sg-1'])
    // The CLI lines carry this run's names: the group, a rule per client subnet, the gateway, the show.
    const cli = state.cli.connection.map((c) => c.command).join('\n')
    expect(cli).toMatch(/ibmcloud is security-group-create redis-0101-vpe-sg vpc-1/)
    expect(cli).toMatch(/security-group-rule-add redis-0101-vpe-sg inbound tcp --port-min 6379 --port-max 6379 --remote 10\.240\.64\.0\/24/)
    expect(cli).toMatch(/endpoint-gateway-create --name redis-0101-vpe --vpc-id vpc-1 --target '?crn:v1:\S+guid-2::'? --sg redis-0101-vpe-sg --new-reserved-ip/)
    expect(cli).toMatch(/ibmcloud is endpoint-gateway gw-1/)
    expect(cli).not.toMatch(/cdb/)
  })

  it('Gen 2: reuses the gateway that already targets the instance (no security group asked, none created)', async () => {
    await fake.vpc.services.createGateway('jp-tok', { name: 'theirs', vpcId: 'vpc-1', targetCrn: GEN2_CRN, subnets: fake.vpc.subnets.slice(0, 1), securityGroupIds: ['sg-default'] }, new AbortController().signal)
    fake.vpc.calls.length = 0
    const state = await (await open(atConnection('gen2', { vpcId: 'vpc-1' }))).fetchConnection({})
    expect(state.steps.connection.status).toBe('done')
    expect(state.vpe).toMatchObject({ gatewayId: 'gw-1', name: 'theirs', reused: true, createdSecurityGroup: false, securityGroupId: 'sg-default', lifecycleState: 'stable' })
    expect(fake.vpc.calls.some((c) => c.startsWith('createGateway') || c.startsWith('ensureSecurityGroup'))).toBe(false)
  })

  it('Gen 2: without a security group choice it stops with the choice, creating nothing; a named group of the VPC is used as is', async () => {
    const job = await open(atConnection('gen2', { vpcId: 'vpc-1', subnetIds: ['sn-2'] }))
    const refused = await job.fetchConnection({})
    expect(refused.steps.connection.status).toBe('failed')
    expect(refused.steps.connection.error).toMatchObject({ code: 'wizard_vpe_security_group_needed', params: { say: 'vpeSecurityGroupNeeded', port: 6379 } })
    expect(refused.connections.private?.hostname).toBe(GEN2_HOST)
    expect(fake.vpc.gateways).toHaveLength(0)
    const unknown = await job.fetchConnection({ securityGroupId: 'sg-nope' })
    expect(unknown.steps.connection.error?.code).toBe('wizard_vpe_security_group_unknown')
    const ok = await job.fetchConnection({ securityGroupId: 'sg-default' })
    expect(ok.vpe).toMatchObject({ securityGroupId: 'sg-default', createdSecurityGroup: false, reused: false })
    expect(ok.vpe?.ips.map((ip) => ip.subnetId)).toEqual(['sn-2'])
    expect(fake.vpc.calls.some((c) => c.startsWith('ensureSecurityGroup'))).toBe(false)
  })

  it('a gateway that ends failed fails the step with IBM’s reason; the retry deletes it and makes exactly one new one', async () => {
    fake.vpc.failNext = true
    const job = await open(atConnection('gen2', { vpcId: 'vpc-1' }))
    const failed = await job.fetchConnection({ createSecurityGroup: true })
    expect(failed.steps.connection.error).toMatchObject({ code: 'ibm_vpe_failed', params: { say: 'vpeFailed', name: 'redis-0101-vpe', reasons: 'internal error' } })
    expect(failed.vpe).toMatchObject({ lifecycleState: 'failed', reasons: 'internal error' })
    const retried = await job.fetchConnection({ createSecurityGroup: true })
    expect(retried.steps.connection.status).toBe('done')
    expect(fake.vpc.calls.filter((c) => c.startsWith('deleteGateway'))).toEqual(['deleteGateway:gw-1'])
    expect(fake.vpc.gateways.map((g) => g.id)).toEqual(['gw-2'])
    expect(retried.vpe).toMatchObject({ gatewayId: 'gw-2', lifecycleState: 'stable', reused: false })
  })

  it('sits out IBM hiccups the client did not absorb (a notice in state.vpe), and fails on a hard error', async () => {
    fake.vpc.waitErrors.push(new AppFailure({ code: 'ibm_server_error', message: 'IBM Cloud answered 503.' }), new AppFailure({ code: 'ibm_rate_limited', message: 'Too many requests.' }))
    const job = await open(atConnection('gen2', { vpcId: 'vpc-1' }))
    const state = await job.fetchConnection({ createSecurityGroup: true })
    expect(distinct(changes.map((c) => c.vpe?.noticeCode))).toEqual(['ibm_server_error', 'ibm_rate_limited'])
    expect(changes.find((c) => c.vpe?.notice)?.vpe?.notice).toMatch(/IBM Cloud answered 503\. PSE Wizard keeps waiting/)
    expect(state.steps.connection.status).toBe('done')
    expect(fake.vpc.calls.filter((c) => c.startsWith('waitForGateway'))).toHaveLength(3)
    expect(state.vpe).toMatchObject({ notice: null, noticeCode: null, lifecycleState: 'stable' })
    fake.vpc.gateways = []
    fake.vpc.waitErrors.push(new AppFailure({ code: 'ibm_forbidden', message: 'No access.' }))
    const hard = await job.fetchConnection({ createSecurityGroup: true })
    expect(hard.steps.connection.error?.code).toBe('ibm_forbidden')
  })

  it('Gen 2 without a VPC in the deploy form is refused before anything is read', async () => {
    const job = await open(atConnection('gen2', { vpcId: null }))
    await expect(job.fetchConnection({ createSecurityGroup: true })).rejects.toMatchObject({ code: 'not_ready', params: { say: 'vpeNoVpc' } })
  })

  it('Gen 1: `{}` reads the endpoints only; `vpe: true` adds a gateway to the private endpoint on its port', async () => {
    const job = await open(atConnection('gen1', { vpcId: 'vpc-1' }))
    const plain = await job.fetchConnection({})
    expect(plain.steps.connection.status).toBe('done')
    expect(plain.vpe).toBeNull()
    expect(fake.vpc.gateways).toHaveLength(0)
    expect(plain.cli.connection.map((c) => c.id)).toEqual(['connections_public', 'connections_private', 'cacert', 'vpe_sg_create', 'vpe_sg_rule', 'vpe_create', 'vpe_show'])
    const withVpe = await job.fetchConnection({ vpe: true, createSecurityGroup: true })
    expect(withVpe.vpe).toMatchObject({ port: 31000, hostname: 'abc.c1.private.databases.appdomain.cloud', lifecycleState: 'stable' })
    expect(fake.vpc.calls.find((c) => c.startsWith('ensureSecurityGroup'))).toMatch(/:31000:/)
    expect(withVpe.connections.public?.endpoint).toBe('public')
  })

  it('names VPC resources as the VPC API allows (lower case, a letter first, at most 63)', () => {
    expect(vpcResourceName('Redis-0101', 'vpe')).toBe('redis-0101-vpe')
    expect(vpcResourceName('0 My_Redis.prod', 'vpe-sg')).toBe('redis-0-my-redis-prod-vpe-sg')
    const long = vpcResourceName('x'.repeat(180), 'vpe-sg')
    expect(long.length).toBeLessThanOrEqual(63)
    expect(long).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/)
  })
})
