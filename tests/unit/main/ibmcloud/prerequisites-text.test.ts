import { describe, expect, it } from 'vitest'
import { said, worded } from '../../../../src/main/ibmcloud/prerequisites-text'

describe('worded prerequisite items', () => {
  it('gives a catalogue text its English and its key with the parameters', () => {
    const item = worded({ id: 'cli', ok: true, label: 'IBM Cloud CLI (ibmcloud)', detail: said('detail.cliVersion', { version: '2.30.0', path: '/usr/bin/ibmcloud' }) })
    expect(item).toEqual({
      id: 'cli',
      ok: true,
      label: 'IBM Cloud CLI (ibmcloud)',
      detail: 'Version 2.30.0 at /usr/bin/ibmcloud',
      text: { detail: { key: 'prereqGen1.detail.cliVersion', params: { version: '2.30.0', path: '/usr/bin/ibmcloud' } } }
    })
  })

  it('keeps a plain string (a failure’s own message) as it is, without a catalogue key, and drops empty fields', () => {
    const item = worded({ id: 'cli_login', ok: false, label: 'CLI login', detail: 'ibmcloud exited with 1', advice: said('advice.loginIsolated'), command: undefined })
    expect(item).toEqual({
      id: 'cli_login',
      ok: false,
      label: 'CLI login',
      detail: 'ibmcloud exited with 1',
      advice: 'Check the API key on the Account step.',
      text: { advice: { key: 'prereqGen1.advice.loginIsolated', params: {} } }
    })
  })

  it('refuses a key the catalogue does not have', () => {
    expect(() => worded({ id: 'vrf', ok: null, label: 'VRF enabled', detail: said('detail.nothing') })).toThrow(/no prereqGen1 text/)
  })
})
