import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Requester } from '../../../../src/main/ibmcloud/request'

const policy = { maxRetries: 2, maxRateLimitRetries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterSeconds: 1 }
const fail = (status: number, result: unknown = {}, headers: Record<string, string> = {}) => Object.assign(new Error(`HTTP ${status}`), { status, result, headers })

/** The retry rules, with a scripted `send`. */
describe('Requester', () => {
  const run = async (script: Array<unknown>, idempotent = true) => {
    let invalidations = 0
    let calls = 0
    const r = new Requester({ invalidate: () => invalidations++ }, policy)
    const result = await r
      .run({ op: 'readInstance' }, z.object({ ok: z.literal(true) }), async () => {
        const step = script[Math.min(calls++, script.length - 1)]
        if (step instanceof Error) throw step
        return { result: step }
      }, { idempotent })
      .then((v) => ({ value: v }), (e: { code: string }) => ({ code: e.code }))
    return { result, calls, invalidations }
  }

  it('a 401 drops the token and retries once', async () => {
    expect(await run([fail(401), { ok: true }])).toEqual({ result: { value: { ok: true } }, calls: 2, invalidations: 1 })
    expect(await run([fail(401), fail(401), { ok: true }])).toMatchObject({ result: { code: 'ibm_unauthorized' }, calls: 2 })
  })

  it('a bad key (IAM BXNIM) is not refreshed', async () => {
    expect(await run([fail(401, { errorCode: 'BXNIM0415E' })])).toMatchObject({ result: { code: 'ibm_api_key_invalid' }, calls: 1, invalidations: 0 })
  })

  it('5xx retries are bounded; a non-idempotent request is not retried', async () => {
    expect(await run([fail(500), fail(502), fail(503), { ok: true }])).toMatchObject({ result: { code: 'ibm_server_error' }, calls: 3 })
    expect(await run([fail(500), { ok: true }], false)).toMatchObject({ result: { code: 'ibm_server_error' }, calls: 1 })
  })

  it('429 is retried even for a POST (nothing was done), bounded', async () => {
    expect(await run([fail(429, {}, { 'retry-after': '0' }), { ok: true }], false)).toMatchObject({ result: { value: { ok: true } }, calls: 2 })
    expect(await run([fail(429, {}, { 'retry-after': '0' })])).toMatchObject({ result: { code: 'ibm_rate_limited' }, calls: 3 })
  })

  it('a body outside the schema is malformed (retried when idempotent)', async () => {
    expect(await run([{ nope: 1 }, { ok: true }])).toMatchObject({ result: { value: { ok: true } }, calls: 2 })
    expect(await run([{ nope: 1 }])).toMatchObject({ result: { code: 'ibm_malformed_response' }, calls: 3 })
  })

  it('4xx is not retried', async () => {
    expect(await run([fail(403), { ok: true }])).toMatchObject({ result: { code: 'ibm_forbidden' }, calls: 1 })
    expect(await run([fail(404), { ok: true }])).toMatchObject({ result: { code: 'ibm_not_found' }, calls: 1 })
  })
})
