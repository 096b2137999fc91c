import type { Messages } from '../en'

/** アカウントの前提条件 (API キー、CLI、ログイン、プラグイン、VRF、サービス・エンドポイント) の詳細と対処。 */
export const prereqGen1Ja: Messages['prereqGen1'] = {
  detail: {
    apiKeyName: 'キー「{{name}}」',
    cliVersion: '{{path}} のバージョン {{version}}',
    loginIsolated: 'PSE Wizard 専用の CLI フォルダーで API キーを使ってログインしています',
    loginOwn: 'ご自身の ibmcloud のログインを使用しています',
    pluginVersion: 'バージョン {{version}}',
    pluginUpdate: 'バージョン {{version}} (新しいバージョンがあります)',
    flagMissing: '「ibmcloud account show」の出力に「{{line}}」の行がありません'
  },
  advice: {
    apiKeyMissing: '「アカウント」の手順で API キーを入力するか (「管理」>「アクセス (IAM)」>「API キー」で作成できます)、IBMCLOUD_API_KEY を設定してください。',
    apiKeyCheck: '「アカウント」の手順でキーを確認してください。削除されている場合は「管理」>「アクセス (IAM)」>「API キー」で新しいキーを作成してください。',
    cliInstall: 'IBM Cloud CLI をインストールするか、「設定」でそのパスを指定してください。',
    loginIsolated: '「アカウント」の手順で API キーを確認してください。',
    loginOwn: 'ターミナルで「ibmcloud login」を実行するか、「設定」で「自分の ibmcloud CLI のログインを使用する」をオフにしてください。',
    pluginInstall: 'プラグインをインストールしてください (PSE Wizard がインストールすることもできます)。',
    pluginUpdate: '最新の修正を入手するため、プラグインを更新してください。',
    vrfNeedsCli: 'CLI が必要です。IBM Cloud がこれを報告するのは「ibmcloud account show」だけです。',
    cliUpdate: 'IBM Cloud CLI を更新 (「ibmcloud update」) してから、もう一度確認してください。',
    vrfCase: 'VRF を有効にできるのは IBM だけです。次の文面でサポート・ケースを作成してください: 「{{caseText}}」 一度有効にすると無効に戻せません。IBM から確認の連絡があったら、もう一度確認してください。',
    endpointsNeedVrf: 'サービス・エンドポイントには先に VRF が必要です (上記を参照)。その後、下のコマンドで有効にしてください。',
    endpointsEnable: '下のコマンドでアカウントのサービス・エンドポイントを有効にしてください (アカウント所有者、またはクラシックの権限「Manage private endpoint service」を持つユーザーが実行できます)。'
  }
}
