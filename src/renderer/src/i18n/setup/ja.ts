import type { Messages } from '../en'

export const setupJa: Messages['setup'] = {
  title: 'セットアップ',
  lead: 'IBM Cloud アカウントから、テスト済みのプライベート接続までの 9 つの手順です。',
  steps: {
    account: 'アカウント',
    prerequisites: '前提条件',
    deploy: 'デプロイ',
    wait: 'プロビジョニング',
    password: '管理者パスワード',
    connection: '接続情報',
    serviceKey: 'プライベートのサービス・キー',
    test: '接続テスト',
    save: '保存'
  },
  empty: 'セットアップ・ウィザードは準備中です。それまでは `pse-wizard` コマンドをご利用ください。'
}
