import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { wizardMessages, wizardSay, type WizardMessageId } from '../../../../src/main/wizard/messages'
import { en } from '../../../../src/shared/i18n/en'
import { ja } from '../../../../src/shared/i18n/ja'

/** The facts each message is made of, as its callers give them. */
const samples: { [K in WizardMessageId]?: Parameters<(typeof wizardMessages)[K]>[0] } = {
  busyElsewhere: { holderPid: 4242, inThisProcess: false, otherHost: null, runningStep: 'deploy' },
  prerequisiteUnavailable: { label: 'VRF', detail: 'not checked' },
  gen2NotOffered: { detail: 'Not in eu-gb.', advice: 'Choose us-south.' },
  gen2VpcMissing: { region: 'eu-gb', what: 'vpc' },
  gen1NotInRegion: { region: 'ca-mon' },
  gen2NotInRegion: { region: 'jp-tok', offered: 'eu-de, ca-mon' },
  gen2Unreadable: { region: 'eu-de', detail: 'IBM Cloud answered 403.' },
  gen2NoVpcInRegion: { region: 'eu-de' },
  gen2NoSubnetInRegion: { region: 'eu-de' },
  supportCaseOpen: { caseNumber: 'CS1234567' },
  waitStillTrying: { ibmMessage: 'IBM Cloud answered 503.' },
  passwordRejected: { problems: ['Too short.', 'No digit.'] },
  noPrivateEndpoint: { instanceName: 'Redis-0101' },
  vpeSubnetsGone: { vpcId: 'r022-vpc' },
  vpeSecurityGroupNeeded: { port: 6379 },
  vpeSecurityGroupUnknown: { securityGroupId: 'r022-sg' },
  vpeFailed: { name: 'redis-0101-vpe', reasons: 'An internal error occurred.' },
  endpointTestFailed: { endpoint: 'private', probeMessage: 'TLS failed' },
  privateUnreachable: { why: 'Not on the private network.' },
  typeNameToDelete: { instanceName: 'Redis-0101' },
  gen2KeyUnreadable: { keyName: 'redis-gen2-01-manager', instanceName: 'redis-gen2-01', deleteCommand: "ibmcloud resource service-key-delete 'crn:v1:x' -f" },
  gen2KeyRoleMismatch: { keyName: 'redis-gen2-01-writer', role: 'Manager', wanted: 'Writer' }
}
/** Facts a caller adds beside the message's own (the test step adds the probe's code). */
const added: Partial<Record<WizardMessageId, Record<string, string>>> = { endpointTestFailed: { result: 'tls_hostname_mismatch' } }

const translator = (lng: 'en' | 'ja') => {
  const i = i18next.createInstance()
  void i.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng, initAsync: false, interpolation: { escapeValue: false } })
  return i.t.bind(i)
}

describe('wizardSay: the wizard failures as a message id and its facts', () => {
  const ids = Object.keys(wizardMessages) as WizardMessageId[]

  it('keeps main’s English message and names it in params.say, with the facts as flat values', () => {
    const said = wizardSay.busyElsewhere(samples.busyElsewhere!)
    expect(said.message).toBe(wizardMessages.busyElsewhere(samples.busyElsewhere!))
    expect(said.params).toEqual({ say: 'busyElsewhere', holderPid: 4242, inThisProcess: false, runningStep: 'deploy' })
    expect(wizardSay.passwordRejected(samples.passwordRejected!).params.problems).toBe('Too short. No digit.')
  })

  it('has an English and a Japanese text for every message, and nothing else', () => {
    expect(Object.keys(en.wizardSay).sort()).toEqual([...ids].sort())
    expect(Object.keys(ja.wizardSay).sort()).toEqual([...ids].sort())
  })

  it('every text is filled from the facts its message carries (no placeholder left) in both languages', () => {
    for (const lng of ['en', 'ja'] as const) {
      const t = translator(lng)
      for (const id of ids) {
        const said = (wizardSay[id] as (p?: unknown) => { params: Record<string, unknown> })(samples[id])
        const text = t(`wizardSay.${id}`, { ...said.params, ...added[id] })
        expect(text, `${lng} ${id}`).not.toMatch(/\{\{|^wizardSay\./)
        if (lng === 'ja') expect(text, id).toMatch(/[ぁ-んァ-ヶ一-龠]/)
      }
    }
  })
})
