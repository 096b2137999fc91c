import { describe, expect, it } from 'vitest'
import { performance } from 'node:perf_hooks'
import { cutText, forgetSecret, redact, redactBounded, registerSecret, REDACT_LIMIT } from '../../../../src/main/logging/redact'
import { maskUrlPasswords } from '../../../../src/main/logging/url-password'

describe('redact: secrets in known shapes, registered or not', () => {
  it.each([
    ['rediss://admin:s3cret@host.example:31000/0', 'rediss://admin:***@host.example:31000/0'],
    ['redis://:s3cret@127.0.0.1:6379', 'redis://:***@127.0.0.1:6379'],
    ['https://user:s3cret@proxy.example:8080/', 'https://user:***@proxy.example:8080/'],
    ['ssh://jump:s3cret@bastion.example:22', 'ssh://jump:***@bastion.example:22'],
    ['amqps://admin:s3cret@mq.example:5671', 'amqps://admin:***@mq.example:5671'],
    ['postgres://admin:s3cret@db.example:5432/ibmclouddb', 'postgres://admin:***@db.example:5432/ibmclouddb']
  ])('masks the password of %s', (input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it('masks a URL password that holds a raw / + = or @ (base64 passwords)', () => {
    const out = redact('connect failed: rediss://admin:ab/cd+ef==@host.example:31000/0 (ECONNREFUSED)')
    expect(out).toBe('connect failed: rediss://admin:***@host.example:31000/0 (ECONNREFUSED)')
    expect(redact('rediss://admin:p@ss@host.example:1/0')).toBe('rediss://admin:***@host.example:1/0')
  })

  it('masks NAME=value assignments of secret-looking names (env, flags, form bodies)', () => {
    expect(redact('IBMCLOUD_API_KEY=abcdEFGH1234_-xyz ibmcloud login')).toBe('IBMCLOUD_API_KEY=*** ibmcloud login')
    expect(redact("REDISCLI_AUTH='p w' redis-cli -h h")).toBe('REDISCLI_AUTH=*** redis-cli -h h')
    expect(redact('grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=abcdEFGH1234&response_type=cloud_iam')).toBe(
      'grant_type=urn%3Aibm%3Aparams%3Aoauth%3Agrant-type%3Aapikey&apikey=***&response_type=cloud_iam'
    )
    expect(redact('refresh_token=eyJhbGciOi.x.y&grant_type=refresh_token')).toBe('refresh_token=***&grant_type=refresh_token')
    expect(redact('redli --password=hunter22 -h x')).toBe('redli --password=*** -h x')
  })

  it('masks Authorization: Bearer / Basic credentials', () => {
    const jwt = 'eyJraWQiOiIyMDI1MTEwMSIsImFsZyI6IlJTMjU2In0.eyJpYW1faWQiOiJJQk1pZC0xMjMifQ.c2lnbmF0dXJl'
    expect(redact(`Authorization: Bearer ${jwt}`)).toBe('Authorization: Bearer ***')
    expect(redact(`{"Authorization":"Bearer ${jwt}"}`)).toBe('{"Authorization":"Bearer ***"}')
    expect(redact('authorization: Basic YWRtaW46c2VjcmV0cGFzc3dvcmQ=')).toBe('authorization: Basic ***')
  })

  it('masks "password": "…" and other secret fields in JSON, also when the JSON is itself quoted', () => {
    expect(redact('HTTP 422 · {"user":{"password":"Xy9-secret-pw"}}')).toBe('HTTP 422 · {"user":{"password":"***"}}')
    expect(redact('{"apikey": "abcdEFGH1234", "name": "k"}')).toBe('{"apikey": "***", "name": "k"}')
    expect(redact('{"access_token":"a.b.c","refresh_token":"d.e.f","expires_in":3600}')).toBe('{"access_token":"***","refresh_token":"***","expires_in":3600}')
    expect(redact('{"password":"with \\"quote\\" inside"}')).toBe('{"password":"***"}')
    expect(redact('data: "{\\"user\\":{\\"password\\":\\"Xy9-secret-pw\\"}}"')).toBe('data: "{\\"user\\":{\\"password\\":\\"***\\"}}"')
  })

  it('leaves placeholders and texts that only name a secret readable', () => {
    for (const text of [
      'ibmcloud login --apikey "$IBMCLOUD_API_KEY"',
      'REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h host',
      'REDIS_PASSWORD=',
      '{"password":"$PASSWORD"}',
      '{"password": ""}',
      '{"passwordSet": true, "apiKeyName": "my key"}',
      'The server rejected the user name or password. Check them.',
      'Authorization header must use the Bearer scheme',
      'IAM token:  Bearer <token>'
    ]) {
      expect(redact(text)).toBe(text)
    }
  })

  it('masks registered secrets wherever they appear, longest first', () => {
    registerSecret('short-secret')
    registerSecret('short-secret-and-more')
    expect(redact('a short-secret-and-more b short-secret c')).toBe('a *** b *** c')
  })
})

/**
 * Texts that made the old patterns backtrack from every position: many `://` and no @ (the URL
 * password ran to the end of the run for each), `a.a.a…` (a scheme started at every letter),
 * `a-a-a…` (a NAME= started at every letter), and a few near-misses of the other patterns.
 */
const MiB = 1024 * 1024
const adversarial: Array<[string, (n: number) => string]> = [
  ['many :// and no @', (n) => 'a://:'.repeat(n / 5)],
  ['many :// with a late @', (n) => 'a://:'.repeat(n / 5) + '@'],
  ['scheme-like a.a.a', (n) => 'a.'.repeat(n / 2)],
  ['scheme://user: without @', (n) => 'x rediss://u:'.repeat(n / 13)],
  ['name-like a-a-a', (n) => 'a-'.repeat(n / 2)],
  ['password= repeated', (n) => 'password="'.repeat(n / 10)],
  ['unclosed JSON secret', (n) => '{"password":"' + 'a'.repeat(n)],
  ['escaped JSON secrets', (n) => '\\"password\\":\\"'.repeat(n / 16)],
  ['Bearer and a long token', (n) => 'Bearer ' + 'a'.repeat(n)]
]

/** Best of a few runs, after a warm-up: the least noisy estimate of one redaction's cost. */
function cost(text: string, run: (t: string) => string): number {
  run(text)
  let best = Infinity
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    run(text)
    best = Math.min(best, performance.now() - t)
  }
  return best
}

describe('redact: linear in the length of the text, bounded before any pattern runs', () => {
  // Eight times the text costs about eight times the time (quadratic: sixty-four); the bound of 24
  // leaves a busy machine three times the linear cost and still fails any quadratic pattern. The
  // sizes are small enough for the old patterns to finish (seconds), so this fails on them rather than hanging.
  it.each(adversarial)(
    'scales linearly on %s',
    (_name, make) => {
      const small = make(16 * 1024)
      const large = make(128 * 1024)
      // Up to three attempts: a busy machine can slow one measurement, hardly all three.
      let ratio = Infinity
      for (let attempt = 0; attempt < 3 && ratio >= 24; attempt++) ratio = Math.min(ratio, cost(large, redact) / Math.max(cost(small, redact), 0.05))
      expect(ratio).toBeLessThan(24)
    },
    60_000
  )

  it.each(adversarial)(
    'redacts 1, 2, 4 and 8 MiB of %s (the test timeout is the bound)',
    (_name, make) => {
      for (const size of [1, 2, 4, 8]) {
        const text = make(size * MiB)
        const out = redact(text)
        if (text.length > REDACT_LIMIT) expect(out).toMatch(/ … \[\d+ characters cut\]$/)
        expect(out.length).toBeLessThanOrEqual(REDACT_LIMIT + 40)
      }
    },
    30_000
  )

  it('scans 8 MiB for URL passwords without a cut', () => {
    const noAt = 'a://:'.repeat((8 * MiB) / 5)
    expect(maskUrlPasswords(noAt)).toBe(noAt)
    const count = Math.floor((8 * MiB) / 18)
    expect(maskUrlPasswords('x rediss://u:pw@h '.repeat(count))).toBe('x rediss://u:***@h '.repeat(count))
  }, 30_000)

  it('masks URL passwords exactly as the old pattern did', () => {
    expect(redact('1a.b://u:p@h and A-B+c.d://u:p@h')).toBe('1a.b://u:***@h and A-B+c.d://u:***@h')
    expect(redact('a://u:p@h://v:q@x y')).toBe('a://u:***@x y')
    expect(redact('http://host/path and https://user@host and ftp://:@h')).toBe('http://host/path and https://user@host and ftp://:@h')
    expect(redact('"rediss://u:pw@h" <redis://u:pw@h>')).toBe('"rediss://u:***@h" <redis://u:***@h>')
    expect(redact('--password=x and a-b-password=y')).toBe('--password=*** and a-b-password=***')
  })

  it('cuts long text at a word, never inside a registered secret, and says how much it cut', () => {
    registerSecret('cut-secret-value')
    const head = 'reply: '
    const text = `${head}${'x '.repeat(100)}cut-secret-value and more`
    const cut = cutText(text, head.length + 200 + 8)
    expect(cut).toBe(`${head}${'x '.repeat(100)} … [${text.length - head.length - 200} characters cut]`)
    expect(cutText('short', 10)).toBe('short')
    expect(redactBounded(`rediss://u:${'p'.repeat(100)}@h`, 40)).not.toContain('ppp')
  })
})

describe('redact: secrets of any length', () => {
  it.each(['Q', '7z', 'a!b'])('masks the %s-long registered secret where it stands alone', (secret) => {
    registerSecret(secret)
    try {
      expect(redact(`AUTH default ${secret}`)).toBe('AUTH default ***')
      expect(redact(`{"password":"${secret}"}`)).toBe('{"password":"***"}')
      expect(redact(`pw=${secret},next`)).toBe('pw=***,next')
      expect(redact(`(${secret})`)).toBe('(***)')
    } finally {
      forgetSecret(secret)
    }
  })

  it('leaves a short secret alone inside words and numbers, so logs stay readable', () => {
    registerSecret('ab')
    registerSecret('7')
    try {
      expect(redact('about tab ab_c xab 17 70 7.5')).toBe('about tab ab_c xab 17 70 ***.5')
      expect(redact('Quit the table')).toBe('Quit the table')
    } finally {
      forgetSecret('ab')
      forgetSecret('7')
    }
  })
})
