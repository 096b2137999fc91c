import { describe, expect, it } from 'vitest'
import { redact, registerSecret } from '../../../src/main/logging/redact'

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
