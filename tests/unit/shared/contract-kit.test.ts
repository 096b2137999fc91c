import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { call, event, schemaModule } from '../../../src/shared/contract-kit'

/** A schema module whose import is counted (and can be made to fail). */
function countedModule(fail = { times: 0 }) {
  const imports = { count: 0 }
  const mod = schemaModule(async () => {
    imports.count += 1
    if (fail.times > 0) {
      fail.times -= 1
      throw new Error('import failed')
    }
    return { Thing: z.object({ name: z.string() }) }
  })
  return { mod, imports }
}

describe('contract kit', () => {
  it('imports a schema module on the first call that names it, once', async () => {
    const { mod, imports } = countedModule()
    let builds = 0
    const spec = call('a call', () => {
      builds += 1
      return [z.object({}).strict(), mod().Thing]
    })
    expect(imports.count).toBe(0)
    const first = await spec.schemas()
    const again = await spec.schemas()
    expect(imports.count).toBe(1)
    // Built once the module is there (the first attempt stopped at the missing module), then kept.
    expect(builds).toBe(2)
    expect(again).toBe(first)
    expect(first.output.parse({ name: 'x', extra: 1 })).toEqual({ name: 'x' })
    expect(first.input.safeParse({ extra: 1 }).success).toBe(false)
  })

  it('builds nothing for a call that is never made', async () => {
    const { mod, imports } = countedModule()
    let builds = 0
    call('never made', () => {
      builds += 1
      return [mod().Thing, mod().Thing]
    })
    const other = call('made', () => [z.object({}), z.string()])
    await other.schemas()
    expect(imports.count).toBe(0)
    expect(builds).toBe(0)
  })

  it('tries a failed import again on the next call', async () => {
    const { mod, imports } = countedModule({ times: 1 })
    const spec = call('a call', () => [mod().Thing, mod().Thing])
    await expect(spec.schemas()).rejects.toThrow('import failed')
    await expect(spec.schemas()).resolves.toHaveProperty('input')
    expect(imports.count).toBe(2)
  })

  it('gives an event schema at once only when its module is loaded', async () => {
    const { mod } = countedModule()
    const spec = event(() => mod().Thing)
    expect(spec.schemaNow()).toBeUndefined()
    const schema = await spec.schema()
    expect(spec.schemaNow()).toBe(schema)
    // Another spec on the same (now loaded) module is available at once.
    expect(event(() => mod().Thing.partial()).schemaNow()).toBeDefined()
  })

  it('passes on errors of a schema definition other than a missing module', async () => {
    const spec = call('broken', () => {
      throw new TypeError('bad schema')
    })
    await expect(spec.schemas()).rejects.toThrow('bad schema')
  })
})
