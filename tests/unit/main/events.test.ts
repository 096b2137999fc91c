import { describe, expect, it, vi } from 'vitest'
import { EventBus } from '../../../src/main/events'
import { log } from '../../../src/main/logging/log'
import { defaultSettings } from '../../../src/shared/schemas/app'

describe('EventBus', () => {
  it('keeps the order of events while a schema loads, then sends at once', async () => {
    const bus = new EventBus()
    const seen: string[] = []
    bus.subscribe((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`))
    // settings.changed names a schema module not loaded yet; profiles.changed has its schema inline.
    bus.emit('settings.changed', { ...defaultSettings, language: 'ja' })
    bus.emit('profiles.changed', { ids: ['a'] })
    expect(seen).toEqual([])
    await vi.waitFor(() => expect(seen).toHaveLength(2))
    expect(seen[0]).toMatch(/^settings\.changed .*"language":"ja"/)
    expect(seen[1]).toBe('profiles.changed {"ids":["a"]}')
    // Loaded now: delivered synchronously, as before.
    bus.emit('settings.changed', defaultSettings)
    expect(seen).toHaveLength(3)
  })

  it('strips a payload to its schema and drops one outside it', async () => {
    const bus = new EventBus()
    const seen: unknown[] = []
    bus.subscribe((_name, payload) => seen.push(payload))
    const error = vi.spyOn(log, 'error').mockImplementation(() => undefined)
    try {
      bus.emit('profiles.changed', { ids: ['a'], secret: 'x' } as never)
      bus.emit('profiles.changed', { ids: 'not a list' } as never)
      await vi.waitFor(() => expect(error).toHaveBeenCalledWith('event profiles.changed payload outside its schema; not sent'))
      expect(seen).toEqual([{ ids: ['a'] }])
    } finally {
      error.mockRestore()
    }
  })
})
