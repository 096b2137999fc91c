import type { Messages } from '../en'

/** `pse-wizard test` がフェーズの前後に表示する文言。 */
export const cliTestJa: Messages['cliTest'] = {
  testingTls: '{{endpoint}} をテストしています（TLS）',
  testingPlain: '{{endpoint}} をテストしています（平文）',
  via: '経由：{{connectedTo}}',
  passed: '成功：{{summary}}',
  failed: '失敗（{{code}}）：{{title}}',
  advice: '対処方法：{{advice}}',
  summary: {
    connected: '{{endpoint}} に接続',
    tlsVerified: '{{protocol}}、証明書を検証済み',
    tlsInsecure: '{{protocol}}、証明書は未検証（安全ではありません）',
    ping: 'PING p50 {{p50}} ms',
    readOnly: '読み取り専用ユーザー',
    redis: 'Redis {{version}}',
    end: '。'
  }
}
