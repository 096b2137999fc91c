import { describe, expect, it } from 'vitest'
import { targetOf as cliTarget } from '../../../../src/cli/commands/check'
import { deploymentRegion } from '../../../../src/main/ibmcloud/prerequisites-gen2-catalog'
import { listOf, toItem, say } from '../../../../src/main/ibmcloud/prerequisites-gen2-text'
import { subnetCreateCommand, vpcCreateCommand } from '../../../../src/main/ibmcloud/prerequisites-gen2'
import { targetOf as stepTarget } from '../../../../src/main/wizard/steps/prerequisites'
import { fillMessage } from '../../../../src/shared/i18n/fill'
import { WizardPrerequisites } from '../../../../src/shared/schemas/wizard'

describe('Gen 2 prerequisites: the pure parts', () => {
  it('reads a deployment region from metadata.deployment.location, else from the :<region> its name or id ends with', () => {
    expect(deploymentRegion({ metadata: { deployment: { location: 'ca-mon' } }, name: 'x:eu-de' })).toBe('ca-mon')
    expect(deploymentRegion({ name: 'databases-for-redis-standard-gen2:eu-de' })).toBe('eu-de')
    expect(deploymentRegion({ id: 'databases-for-redis-standard-gen2:in-che' })).toBe('in-che')
    expect(deploymentRegion({ name: 'no-region-here' })).toBeUndefined()
    expect(deploymentRegion({ metadata: { deployment: { location: '  ' } } })).toBeUndefined()
  })

  it('fills {{parameters}} and leaves unknown ones visible', () => {
    expect(fillMessage('{{a}} and {{ b }}', { a: 'x', b: 2 })).toBe('x and 2')
    expect(fillMessage('{{missing}}', {})).toBe('{{missing}}')
  })

  it('an item carries English and the catalogue reference; lists are cut after a few names', () => {
    const item = toItem({ id: 'vpc', ok: false, detail: say('vpc.none', { region: 'eu-de' }), command: 'c' })
    expect(item).toEqual({ id: 'vpc', ok: false, label: 'VPC in the region', detail: 'There is no VPC in eu-de.', command: 'c', text: { detail: { key: 'prereqGen2.vpc.none', params: { region: 'eu-de' } } } })
    expect(listOf(['a', 'b', 'c'], 2)).toBe('a, b +1')
    expect(listOf(['a'])).toBe('a')
  })

  it('the fix commands target the region first', () => {
    expect(vpcCreateCommand('jp-tok')).toBe('ibmcloud target -r jp-tok && ibmcloud is vpc-create redis-vpc')
    expect(subnetCreateCommand('jp-tok', 'app')).toBe('ibmcloud target -r jp-tok && ibmcloud is subnet-create app-subnet-1 app --zone jp-tok-1 --ipv4-address-count 256')
  })

  it('pse-wizard check: --generation and --region, or a usage error', () => {
    expect(cliTarget({})).toEqual({ generation: 'gen1' })
    expect(cliTarget({ generation: 'gen2', region: 'us-south' })).toEqual({ generation: 'gen2', region: 'us-south' })
    expect(() => cliTarget({ generation: 'Gen2', region: 'us-south' })).toThrow(/gen1 or gen2/)
    expect(() => cliTarget({ generation: 'gen2' })).toThrow(/needs --region/)
    expect(() => cliTarget({ region: 'us-south' })).toThrow(/--region is for --generation gen2/)
    expect(() => cliTarget({ generation: 'gen2', region: '../x' })).toThrow(/region name/)
  })

  it('the wizard step: as asked; nothing asked = as last time, else Gen 1; Gen 2 without a region takes the last one', () => {
    const last = (generation: 'gen1' | 'gen2', region: string | null) =>
      WizardPrerequisites.parse({ checkedAt: '2026-12-04T00:00:00Z', ok: true, items: [], supportCaseText: null, docsLink: 'x', generation, region })
    expect(stepTarget({}, null)).toEqual({ generation: 'gen1' })
    expect(stepTarget({}, last('gen2', 'eu-de'))).toEqual({ generation: 'gen2', region: 'eu-de' })
    expect(stepTarget({ generation: 'gen1' }, last('gen2', 'eu-de'))).toEqual({ generation: 'gen1' })
    expect(stepTarget({ generation: 'gen2' }, last('gen2', 'eu-de'))).toEqual({ generation: 'gen2', region: 'eu-de' })
    expect(stepTarget({ generation: 'gen2', region: 'us-south' }, last('gen2', 'eu-de'))).toEqual({ generation: 'gen2', region: 'us-south' })
    expect(() => stepTarget({ generation: 'gen2' }, last('gen1', null))).toThrow(/Choose the region for Gen 2 first/)
  })
})

describe('the Global Catalog endpoint', () => {
  it('public by default, the private host with the setting, GLOBAL_CATALOG_URL (the SDK variable) above both', async () => {
    const { resolveEndpoints } = await import('../../../../src/main/ibmcloud/endpoints')
    expect(resolveEndpoints({}).globalCatalog).toBe('https://globalcatalog.cloud.ibm.com/api/v1')
    expect(resolveEndpoints({}, { privateEndpoints: true }).globalCatalog).toBe('https://private.us-south.globalcatalog.cloud.ibm.com/api/v1')
    expect(resolveEndpoints({ GLOBAL_CATALOG_URL: 'http://127.0.0.1:9/gc/api/v1/' }, { privateEndpoints: true }).globalCatalog).toBe('http://127.0.0.1:9/gc/api/v1')
    expect(() => resolveEndpoints({ GLOBAL_CATALOG_URL: 'http://catalog.example.test/api/v1' })).toThrow(/https/)
  })
})
