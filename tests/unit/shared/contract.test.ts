import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { callNames, calls, eventNames, events } from '../../../src/shared/contract'

describe('contract', () => {
  it('gives every call an input and an output schema, and every event a payload schema', async () => {
    for (const name of callNames) {
      const { input, output } = await calls[name].schemas()
      expect(input, name).toBeInstanceOf(z.ZodType)
      expect(output, name).toBeInstanceOf(z.ZodType)
      expect(calls[name].summary.length, name).toBeGreaterThan(10)
    }
    for (const name of eventNames) expect(await events[name].schema(), name).toBeInstanceOf(z.ZodType)
  })

  it("builds a call's schemas without importing the schema modules of other calls", async () => {
    vi.resetModules()
    const imported: string[] = []
    const watched = ['wizard', 'ibmcloud', 'network', 'restrictions', 'app']
    for (const name of watched)
      vi.doMock(`../../../src/shared/schemas/${name}`, async (importOriginal) => {
        imported.push(name)
        return importOriginal()
      })
    try {
      const fresh = await import('../../../src/shared/contract')
      const { input, output } = await fresh.calls['profiles.list'].schemas()
      expect(input.safeParse({}).success).toBe(true)
      expect(output.safeParse({ profiles: [], warning: null }).success).toBe(true)
      expect(imported).toEqual([])
      const wizard = await fresh.calls['wizard.state'].schemas()
      expect(wizard.output).toBeInstanceOf(z.ZodType)
      expect(imported).toContain('wizard')
      expect(imported).not.toContain('restrictions')
    } finally {
      for (const name of watched) vi.doUnmock(`../../../src/shared/schemas/${name}`)
      vi.resetModules()
    }
  })
})
