import type { Messages } from '../en'

export const cliProfilesJa: Messages['cliProfiles'] = {
  none: 'プロファイルはありません。「pse-wizard profiles add --url rediss://…」または「pse-wizard profiles import FILE」で追加してください。',
  warning: '警告：{{warning}}',
  neverTested: '未テスト',
  lastOk: '成功 {{at}}',
  lastFailed: '失敗 {{code}} {{at}}',
  deleted: 'プロファイル「{{name}}」を削除しました。',
  saved: 'プロファイル「{{name}}」（{{id}}）を保存しました。',
  savedWithPassword: 'プロファイル「{{name}}」（{{id}}）を保存しました。パスワードはキーチェーンにあります。',
  imported: '「{{name}}」（{{format}}）を {{id}} としてインポートしました。',
  note: '注：{{note}}',
  wrote: '{{file}} に書き込みました。',
  wroteSecrets: '{{file}} に書き込みました（シークレットを含むため、モード 0600）。',
  /** After a label of `profiles show`. */
  colon: '：',
  show: {
    name: '名前',
    id: 'ID',
    endpoint: 'エンドポイント',
    user: 'ユーザー',
    password: 'パスワード',
    tls: 'TLS',
    path: '経路',
    origin: '作成元',
    tags: 'タグ',
    lastTest: '最終テスト'
  },
  value: {
    defaultUser: '（デフォルト）',
    none: '（なし）',
    stored: '********（{{where}}）',
    keychain: 'キーチェーン',
    session: 'このセッションのみ',
    tlsOn: '有効、{{verify}}、CA は{{ca}}',
    sni: '、SNI {{name}}',
    verified: '証明書を検証',
    notVerified: '証明書を検証しない（安全ではありません）',
    caInProfile: 'プロファイル内',
    caSystem: 'システムのストア',
    off: '無効',
    ibmcloud: 'IBM Cloud の{{endpoint}}',
    ibmcloudRegion: 'IBM Cloud の{{endpoint}}（{{region}}）',
    public: 'パブリック・エンドポイント',
    private: 'プライベート・エンドポイント',
    manual: '手動'
  }
}
