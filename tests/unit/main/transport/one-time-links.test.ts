import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { OneTimeLinks } from '../../../../src/main/transport/one-time-links'
import { onLinkRequest } from '../../../../src/main/transport/link-requests'

describe('one-time link tokens', () => {
  it('redeems each token exactly once', () => {
    const links = new OneTimeLinks()
    const a = links.issue()
    const b = links.issue()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(links.redeem(a)).toBe(true)
    expect(links.redeem(a)).toBe(false)
    expect(links.redeem(b)).toBe(true)
    expect(links.redeem(b)).toBe(false)
    expect(links.redeem('')).toBe(false)
    expect(links.redeem(`${a}x`)).toBe(false)
  })

  it('keeps only the newest few unused tokens', () => {
    const links = new OneTimeLinks(2)
    const [a, b, c] = [links.issue(), links.issue(), links.issue()]
    expect(links.redeem(a)).toBe(false)
    expect(links.redeem(b)).toBe(true)
    expect(links.redeem(c)).toBe(true)
  })
})

describe('asking serve for a new link', () => {
  it('answers each line on the input and each SIGUSR1, and stops when disposed', () => {
    const input = new PassThrough()
    let requests = 0
    const stop = onLinkRequest(() => (requests += 1), { input })
    input.write('\n')
    input.write('x\n\n')
    expect(requests).toBe(3)
    if (process.platform !== 'win32') {
      process.emit('SIGUSR1')
      expect(requests).toBe(4)
    }
    stop()
    input.write('\n')
    if (process.platform !== 'win32') process.emit('SIGUSR1')
    expect(requests).toBe(process.platform !== 'win32' ? 4 : 3)
  })
})
