import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { podFailureNote, podRanNotes, type PodNoteContext } from '../../../../src/main/network/pod-notes'
import { parsePodOutput } from '../../../../src/main/network/pod-output'

/** The pod phase's notes: where the pod ran, and what failed with kubectl's / the cluster's own words. */
const ctx: PodNoteContext = { tool: 'kubectl', namespace: 'team-a', context: 'prod', image: 'docker.io/library/redis:7', commandTimeoutMs: 30_000 }
const fail = (code: string, detail?: string) => new AppFailure({ code, message: `English message for ${code}`, ...(detail ? { detail } : {}) })

describe('pod notes', () => {
  it('names the pod, its namespace and context, its image, and the clean-up command when it was not deleted', () => {
    const run = { podName: 'pse-probe-1', image: 'img:1', cleanedUp: true, cleanupCommand: 'kubectl delete pod,secret -n team-a -l x=y' }
    expect(podRanNotes(run, { namespace: 'team-a' })).toEqual([{ code: 'pod.ran', params: { pod: 'pse-probe-1', namespace: 'team-a', image: 'img:1' } }])
    expect(podRanNotes({ ...run, cleanedUp: false }, { namespace: 'team-a', context: 'prod' })).toEqual([
      { code: 'pod.ran_in_context', params: { pod: 'pse-probe-1', context: 'prod', namespace: 'team-a', image: 'img:1' } },
      { code: 'pod.not_deleted', params: { command: 'kubectl delete pod,secret -n team-a -l x=y' } }
    ])
  })

  it('words each failure around the pod, quoting the tool', () => {
    const said = 'Error from server (Forbidden): pods is forbidden'
    expect(podFailureNote(fail('pod_rbac_forbidden', said), ctx)).toEqual({ code: 'pod.forbidden', params: { namespace: 'team-a', said } })
    expect(podFailureNote(fail('pod_context_not_found', 'context "prod" does not exist'), ctx)).toEqual({
      code: 'pod.context_not_found',
      params: { context: 'prod', said: 'context "prod" does not exist' }
    })
    expect(podFailureNote(fail('pod_tool_not_found'), ctx)).toEqual({ code: 'pod.tool_not_found', params: { tool: 'kubectl' } })
    expect(podFailureNote(fail('pod_tool_not_found'), { ...ctx, binaryPath: '/opt/kubectl' })).toEqual({
      code: 'pod.tool_not_executable',
      params: { file: '/opt/kubectl' }
    })
    expect(podFailureNote(fail('pod_tool_not_found', 'EACCES'), { ...ctx, binaryPath: '/opt/kubectl' })).toEqual({
      code: 'pod.tool_not_started',
      params: { file: '/opt/kubectl', said: 'EACCES' }
    })
    expect(podFailureNote(fail('pod_timeout'), ctx)).toEqual({ code: 'pod.tool_timeout', params: { tool: 'kubectl', seconds: 30 } })
    expect(podFailureNote(fail('pod_timeout', 'Pending: Unschedulable'), ctx)).toEqual({ code: 'pod.wait_timeout', params: { said: 'Pending: Unschedulable' } })
    expect(podFailureNote(fail('pod_image_pull_failed', 'Pending: ErrImagePull'), ctx)).toEqual({
      code: 'pod.image_pull_failed',
      params: { image: 'docker.io/library/redis:7', said: 'Pending: ErrImagePull' }
    })
    expect(podFailureNote(fail('pod_tool_output_too_large'), ctx)).toEqual({ code: 'pod.tool_output_too_large', params: { tool: 'kubectl', mib: 4 } })
    expect(podFailureNote(fail('cancelled'), ctx)).toEqual({ code: 'phase.cancelled', params: {} })
  })

  it('gives every phase the pod printed its notes: the script’s own sentences worded, redis-cli quoted', () => {
    const ok = parsePodOutput(
      [
        'PSE phase dns ok 6 10.0.0.1 10.0.0.2 ',
        'PSE phase connect ok 48 PONG',
        'PSE phase auth ok 41 ',
        'PSE phase ping ok 44 5 PINGs on one connection',
        'PSE phase write ok 43 read-only user',
        'PSE phase info ok 42 ',
        'PSE info redis_version:7.2.5',
        'PSE info role:master',
        'PSE info redis_mode:standalone',
        'PSE done'
      ].join('\n'),
      true
    )
    expect(ok.phases.map((p) => p.notes)).toEqual([
      [{ code: 'pod.dns_resolved', params: { addresses: ['10.0.0.1', '10.0.0.2'] } }],
      [{ code: 'pod.tcp_tls_together', params: {} }],
      [{ code: 'pod.auth_ok', params: {} }],
      [{ code: 'pod.ping', params: { count: 5 } }],
      [{ code: 'pod.write_read_only', params: {} }],
      [{ code: 'pod.info_server', params: { version: '7.2.5', role: 'master', mode: 'standalone' } }]
    ])
    expect(parsePodOutput('PSE phase dns fail 3 Name or service not known\nPSE done', true).phases[0].notes).toEqual([
      { code: 'pod.dns_not_found', params: {} }
    ])
    expect(parsePodOutput('PSE phase connect fail 15000 no answer within 15 s\nPSE done', true).phases[0].notes).toEqual([
      { code: 'pod.no_answer', params: { seconds: 15 } }
    ])
    const wrong = 'AUTH failed: WRONGPASS invalid username-password pair or user is disabled.'
    expect(parsePodOutput(`PSE phase auth fail 40 ${wrong}\nPSE done`, true).phases[0].notes).toEqual([{ code: 'pod.said', params: { said: wrong } }])
    expect(parsePodOutput('PSE tls-unverifiable no-openssl\nPSE done', true).phases[0].notes).toEqual([{ code: 'pod.tls_unverifiable', params: {} }])
  })
})
