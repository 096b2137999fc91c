import { describe, expect, it } from 'vitest'
import { defaultDeployForm } from '../../../../src/shared/schemas/wizard-deploy'
import { gen2CreateCommand, gen2DeployCommands } from '../../../../src/main/wizard/cli-equivalents-gen2'
import { cliEquivalents } from '../../../../src/main/wizard/cli-equivalents'
import { initialState } from '../../../../src/main/wizard/machine'

describe('Gen 2 CLI equivalents', () => {
  it('service-instance-create with plan standard-gen2 and the dataservices.redis parameters, no --service-endpoints', () => {
    expect(gen2CreateCommand({ name: 'redis-gen2-01', region: 'eu-de', resourceGroupId: 'rg1', hostFlavor: 'bx3d.4x20', storageGbPerMember: 10, version: '8.2' })).toBe(
      `ibmcloud resource service-instance-create redis-gen2-01 databases-for-redis standard-gen2 eu-de -g rg1 -p '{"dataservices":{"redis":{"host_flavor":"bx3d.4x20","members":2,"storage_gb":10,"version":"8.2"}}}'`
    )
  })

  it('quotes names with spaces and adds the key CRN', () => {
    const cmd = gen2CreateCommand({ name: 'my redis', region: 'ca-mon', hostFlavor: 'bxf.4x16', storageGbPerMember: 20, keyProtectKeyCrn: 'crn:v1:bluemix:public:kms:ca-mon:a/1:2:key:3' })
    expect(cmd).toBe(
      `ibmcloud resource service-instance-create 'my redis' databases-for-redis standard-gen2 ca-mon -p '{"dataservices":{"redis":{"host_flavor":"bxf.4x16","members":2,"storage_gb":20},"encryption":{"disk":"crn:v1:bluemix:public:kms:ca-mon:a/1:2:key:3"}}}'`
    )
  })

  it('the deploy step of a Gen 2 form: create (+ tags), and a wait without cdb', () => {
    const form = defaultDeployForm({ generation: 'gen2', region: 'eu-de', resourceGroupId: 'rg1', gen2HostFlavor: 'bx3d.8x40', storageGbPerMember: 30, tags: ['env:dev'] })
    const { deploy, wait } = gen2DeployCommands(form, 'Redis-0101')
    expect(deploy.map((c) => c.id)).toEqual(['instance_create', 'tag_attach'])
    expect(deploy[0].command).toContain('standard-gen2 eu-de -g rg1')
    expect(deploy[0].command).toContain('"host_flavor":"bx3d.8x40","members":2,"storage_gb":30')
    expect(wait.map((c) => c.command).join('\n')).not.toMatch(/cdb/)
  })

  it('before any form is sent, a Gen 2 check in step 2 already shows the Gen 2 create in its region (flavor still to choose) and the RC wait', () => {
    const state = initialState({ sandbox: true })
    const checked = { ...state, prerequisites: { checkedAt: '', ok: true, items: [], supportCaseText: null, docsLink: '', generation: 'gen2' as const, region: 'ca-mon', supportCase: null, supportCaseSubject: null } }
    const cli = cliEquivalents(checked)
    expect(cli.deploy[0].command).toBe(
      `ibmcloud resource service-instance-create Redis-0101 databases-for-redis standard-gen2 ca-mon -p '{"dataservices":{"redis":{"host_flavor":"<host-flavor>","members":2,"storage_gb":10,"version":"8.2"}}}'`
    )
    expect(cli.wait.map((c) => c.command)).toEqual(['ibmcloud resource service-instance Redis-0101 --output json'])
    expect(cliEquivalents(state).deploy[0].command).toContain(' standard jp-tok ')
  })
})
