import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, isOwnUrl, originOf, ownOrigin } from '../../../../src/main/transport/renderer-origin'
import { senderCheck } from '../../../../src/main/transport/ipc'

const dev = ownOrigin('http://localhost:5173')
const hostile = [
  'http://localhost:5173.evil.example',
  'http://localhost:5173.evil.example/',
  'http://localhost:51730',
  'http://localhost:51730/index.html',
  'http://localhost:5173@evil.example',
  'http://localhost:5173@evil.example/',
  'http://user:pw@localhost:5173/',
  'https://localhost:5173/',
  'http://127.0.0.1:5173/',
  'http://localhost/',
  'ws://localhost:5173/',
  'file:///app/out/renderer/index.html',
  'app://pse-wizard.evil.example/index.html',
  'app://evil/index.html',
  'not a url',
  ''
]

describe('the desktop window accepts exactly one origin', () => {
  it('accepts the dev server origin with any path, query or hash', () => {
    expect(dev).toBe('http://localhost:5173')
    for (const url of ['http://localhost:5173', 'http://localhost:5173/', 'http://localhost:5173/#/profiles', 'http://LOCALHOST:5173/x?y=1']) {
      expect(isOwnUrl(url, dev), url).toBe(true)
    }
  })

  it('refuses look-alikes of the dev server (prefix matches, other ports, credentials)', () => {
    for (const url of hostile) expect(isOwnUrl(url, dev), url).toBe(false)
  })

  it('serves the packaged renderer from app://pse-wizard and refuses everything else', () => {
    const own = ownOrigin(undefined)
    expect(own).toBe(APP_ORIGIN)
    expect(isOwnUrl(APP_ENTRY_URL, own)).toBe(true)
    expect(isOwnUrl('app://pse-wizard/index.html#/profiles', own)).toBe(true)
    for (const url of [...hostile, 'app://pse-wizard@evil/index.html', 'http://pse-wizard/index.html']) expect(isOwnUrl(url, own), url).toBe(false)
    expect(originOf('app://user@pse-wizard/')).toBeUndefined()
  })

  it('refuses a dev server URL that is not loopback http', () => {
    expect(() => ownOrigin('http://evil.example:5173')).toThrow(/loopback/)
    expect(() => ownOrigin('file:///tmp/index.html')).toThrow(/loopback/)
  })
})

describe('IPC sender check by origin (GitHub Desktop pattern)', () => {
  const frame = (url: string) => ({ url })
  const check = (url: string) => {
    const mainFrame = frame(url)
    const own = { mainFrame } as unknown as WebContents
    return senderCheck(
      () => own,
      (u) => isOwnUrl(u, dev)
    )({ sender: own, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent)
  }

  it("trusts our window's top frame on our origin, and nothing on a look-alike origin", () => {
    expect(check('http://localhost:5173/#/profiles')).toBe(true)
    for (const url of hostile) expect(check(url), url).toBe(false)
  })
})
