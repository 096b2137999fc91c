import type { Messages } from '../en'

/** `pse-wizard setup` が利用者向けに表示する文言（手順名と失敗の説明は setup と wizardSay のカタログから）。 */
export const cliSetupJa: Messages['cliSetup'] = {
  line: '[{{index}}/9] {{step}}：{{status}}',
  status: { running: '実行中', done: '完了', failed: '失敗', blocked: '続行できません', stopped: '中断' },
  percent: ' {{percent}}%',
  ibmSays: ' IBM Cloud の表示：「{{text}}」',
  elapsed: '（{{seconds}} 秒）',
  error: '{{code}}：{{message}}',
  restrictLabel: 'アクセス制限',
  restrictRunning: '実行中',
  restrictDone: '{{outcome}}：{{summary}}',
  done: '完了：「{{name}}」にプライベート・エンドポイント経由で接続できます。',
  privateProfile: 'プライベートのプロファイル：{{id}}',
  publicProfile: 'パブリックのプロファイル：{{id}}',
  testAgain: 'いつでも再テストできます：pse-wizard test {{id}}',
  stoppedAt: 'セットアップは「{{step}}」で停止しました：{{code}}',
  detail: '（{{detail}}）',
  option: '  ・{{label}}：{{detail}}',
  notFinished: 'セットアップは完了しませんでした。',
  resume: '同じコマンドをもう一度実行すると、停止したところから再開します。',
  restrictStopped: 'インスタンスとプロファイルは準備できています。構成ファイルのネットワークを修正して、同じコマンドをもう一度実行してください。'
}
