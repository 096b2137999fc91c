import type { Messages } from '../en'

export const cliCheckJa: Messages['cliCheck'] = {
  title: 'PSE Wizard の事前確認',
  titleGen2: 'PSE Wizard の事前確認：{{heading}}',
  sandbox: '{{title}}（サンドボックス：ここにあるものは IBM Cloud ではありません）',
  detailSeparator: '：',
  ready: 'すべて準備ができています。',
  attention: '対応が必要な項目があります（上記を参照）。'
}
