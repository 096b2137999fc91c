/** Gen 2's step 5: the Manager service key instead of an admin password. */
export const credentialsJa = {
  step: '資格情報',
  title: '資格情報の作成',
  lead: 'Gen 2 には admin ユーザーがありません。Manager 役割のサービス・キーがあなたのユーザーになります。IBM Cloud はその資格情報を一度しか表示しないため、PSE Wizard はそのまま OS のキーチェーンに保管します。',
  name: 'Manager キーの名前',
  create: 'Manager キーを作成',
  created: 'Manager キー「{{name}}」を作成し、資格情報を{{where}}に保管しました。',
  reused: 'Manager キー「{{name}}」はすでに存在し、資格情報が{{where}}にあったため再利用しました。',
  keyName: 'キー名',
  role: '役割',
  user: 'ユーザー',
  host: 'ホストとポート',
  password: 'パスワード'
}

/** Gen 2's step 7: the application's own key (role Writer or Manager), or none. */
export const appKeyJa = {
  step: 'アプリケーションのキー',
  title: 'アプリケーション用のサービス・キー',
  lead: 'アプリケーションがあなたの Manager の資格情報を使わずに済むよう、専用のキーを用意します。IBM Cloud が資格情報を表示するのは一度だけです。資格情報は OS のキーチェーンに保管します。',
  legend: 'アプリケーションのキーの役割',
  role: {
    Writer: 'Writer (推奨): データの読み取りと書き込み',
    Manager: 'Manager: あなたのキーと同じく、データベースの管理もできます',
    skip: '専用のキーを作らず、ステップ 5 の Manager キーをアプリケーションに使う'
  },
  name: 'キー名',
  create: 'キーを作成',
  useManager: 'Manager キーを使う',
  created: '{{role}} のキー「{{name}}」を作成しました。',
  reused: 'キー「{{name}}」({{role}}) はすでに存在したため再利用しました。',
  skipped: 'アプリケーションは Manager キー「{{name}}」を使います。',
  keyName: '名前',
  roleLabel: '役割',
  host: 'プライベートのホストとポート',
  user: 'ユーザー',
  passwordNote: 'パスワードは OS のキーチェーンに保管しました。'
}

/** The CLI equivalents' labels of Gen 2's steps 5, 7 and 8, by command id. */
export const gen2KeysCliJa = {
  key_create_manager: 'Manager のサービス・キーを作成 (資格情報はこの応答に一度だけ表示されます。保管してください)',
  key_create_writer: 'アプリケーション用の Writer のサービス・キーを作成 (資格情報はこの応答に一度だけ表示されます。保管してください)',
  key_create_app_manager: 'アプリケーション用の Manager のサービス・キーを作成 (資格情報はこの応答に一度だけ表示されます。保管してください)',
  key_show_manager: '専用のキーはありません。アプリケーションは Manager キーを使います',
  nslookup: 'VPC (またはその VPN) から: 名前が VPE ゲートウェイの IP アドレスに解決されること',
  rediscli_gen2: 'redis-cli で TLS 接続をテスト (システムの CA、SNI = VPE ドメイン)'
}
