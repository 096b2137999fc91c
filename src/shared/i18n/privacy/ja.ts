import type { privacyEn } from './en'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** プライバシー・レポート（日本語）。キーは en.ts と同じ。 */
export const privacyJa: Widen<typeof privacyEn> = {
  title: 'プライバシー・レポート',
  open: 'プライバシー・レポート',
  failed: 'レポートを作成できませんでした',
  checkedAt: '確認日時',
  lead: 'このインスタンスと、そこへ接続するプロファイルについての 5 つの主張を、いま確認し、その根拠とともに示します。',
  run: 'レポートを作成',
  runAgain: 'もう一度確認',
  running: '5 つの主張を確認しています…',
  generatedAt: '{{date}} に確認',
  instance: 'インスタンス',
  profile: 'プロファイル',
  noProfile: '保存済みのプロファイルなし',
  vantageLabel: '確認した場所',
  fixLabel: '直し方',
  evidenceLabel: '根拠',
  timelineLabel: '接続テストのフェーズごとの結果',
  downloadHtml: 'HTML として保存',
  separator: '、',
  verdict: {
    holds: '成立',
    fails: '不成立',
    inconclusive: '判定不能'
  },
  overall: {
    holds: 'すべての主張が成立しています。このインスタンスはプライベートで、接続元が制限され、意図した経路で到達できます。',
    fails: '成立しない主張があります。下の直し方を確認してください。',
    inconclusive: '不成立の主張はありませんが、ここからは確認できない主張があります。'
  },
  claim: {
    endpoints: 'プライベート・エンドポイントのみ',
    no_public_answer: 'インターネットから応答しない',
    restricted: '自分のネットワークだけが接続できる',
    reachable: '意図した経路で到達できる',
    credentials: '必要最小限の資格情報、ファイルに秘密情報なし'
  },
  vantage: {
    this_computer: 'このコンピューター',
    sandbox: 'サンドボックス（インターネットからの見え方は模擬）',
    outside: 'IBM Cloud のプライベート・ネットワークの外',
    inside: 'IBM Cloud のプライベート・ネットワークの中（VPN、Direct Link、または IBM Cloud 内）',
    unknown: 'ネットワーク上の位置は判定できませんでした',
    source: '接続元アドレスは {{address}}'
  },
  evidence: {
    read_failed_deployment: 'IBM Cloud からデプロイメントを読み取れませんでした: {{reason}}（{{code}}）',
    read_failed_restrictions: 'コンテキスト・ベースの制限を読み取れませんでした: {{reason}}（{{code}}）',
    read_failed_allowlist: 'IP 許可リストを読み取れませんでした: {{reason}}（{{code}}）',
    endpoints_gen2_private_only: 'Gen 2 のインスタンスはプライベート・エンドポイントのみです。',
    endpoints_private_only: 'このインスタンスはプライベート・エンドポイントのみです（IBM Cloud の {{source}} API から読み取り）。',
    endpoints_public_enabled:
      'このインスタンスのエンドポイントは「{{setting}}」です（IBM Cloud の {{source}} API から読み取り）。パブリック・エンドポイントには、インターネット上の誰でも接続を試みることができます。',
    endpoints_not_stated: 'インスタンスのエンドポイント設定を IBM Cloud が返しませんでした。',
    vantage_this_computer: 'このコンピューターから、その DNS リゾルバーとネットワークで試しました。',
    vantage_sandbox:
      'サンドボックス: インターネットからの見え方は模擬です。プライベート・エンドポイント（サンドボックスではこのコンピューター上）は、IBM Cloud と同じく 166.8.0.0/14 のアドレスとして応答され、その接続はこのコンピューターの閉じたポートへ向かいます。外部には何も送信しません。',
    public_endpoint_answers: 'パブリック・エンドポイント {{host}}:{{port}} は、ここからの接続を受け付けます（「プライベート・エンドポイントのみ」を参照）。',
    public_endpoint_silent: 'パブリック・エンドポイント {{host}}:{{port}} は、ここからの接続を受け付けませんでした。',
    public_name_not_resolved: 'パブリック名 {{host}} は名前解決できません。',
    private_host_unknown: 'プライベート・ホスト名を読み取れませんでした（プライベートのプロファイルがなく、IBM Cloud もプライベートの接続情報を返しませんでした）。',
    private_name_lookup_failed: '{{host}} の名前解決に失敗しました（{{reason}}）。インターネットからの見え方は分かりません。',
    private_name_not_resolved: '{{host}} はここからは名前解決できません。応答するのは IBM Cloud のプライベート DNS だけです。',
    private_name_public_address: '{{host}} はパブリック・インターネット上の {{addresses}} に解決されます。プライベート・エンドポイントでは本来ありえません。',
    private_name_loopback: '{{host}} はこのコンピューター上の {{addresses}} に解決されます（トンネルまたは hosts の設定）。インターネットからの見え方をここでは試せません。',
    private_name_service_network: '{{host}} は IBM Cloud のサービス・エンドポイント・ネットワーク (166.8.0.0/14) 内の {{addresses}} に解決されます。',
    private_name_vpc: '{{host}} はプライベート (VPC) アドレス {{addresses}} に解決されます。',
    private_no_answer_one: '{{host}} のポート {{port}} は、ここからの接続を受け付けませんでした（1 個のアドレスを試行）。このコンピューターのネットワークからは到達できません。',
    private_no_answer_other: '{{host}} のポート {{port}} は、ここからの接続を受け付けませんでした（{{count}} 個のアドレスを試行）。このコンピューターのネットワークからは到達できません。',
    private_answers_here:
      '{{host}}（{{address}}）のポート {{port}} が、ここからの接続を受け付けました。このコンピューターは IBM Cloud のプライベート・ネットワークの中にあり、中からの確認は証明になりません。外のコンピューター（VPN に接続していないもの）でレポートを作成してください。',
    cbr_no_rule: 'このインスタンスを対象とするコンテキスト・ベースの制限はありません。',
    cbr_rule_enforced: 'コンテキスト・ベースの制限のルール {{rule}} が適用されています。',
    cbr_rule_not_enforced: 'コンテキスト・ベースの制限のルール {{rule}} は適用されていません（モードは「{{mode}}」）。',
    cbr_rule_not_data_plane: 'ルール {{rule}} は、Redis の接続が届くデータ・プレーンを対象にしていません。',
    cbr_rule_no_zone: 'ルール {{rule}} にはネットワーク・ゾーンが指定されていません。',
    cbr_zone_admits: 'ネットワーク・ゾーン {{zone}} が許可するのは {{entries}} です。',
    cbr_zone_empty: 'ネットワーク・ゾーン {{zone}} は空です。',
    cbr_zone_too_broad: 'ネットワーク・ゾーン {{zone}} に、インターネットの大部分にあたる {{address}} が含まれています。',
    allowlist_empty: 'Gen 1 の IP 許可リストは空です。誰でも接続できます。',
    allowlist_empty_cbr_decides: 'Gen 1 の IP 許可リストは空です。接続できる相手は上記のコンテキスト・ベースの制限で決まります。',
    allowlist_admits: 'Gen 1 の IP 許可リストが許可するのは {{entries}} です。',
    allowlist_too_broad: '許可リストに、インターネットの大部分にあたる {{address}} が含まれています。',
    allowlist_cbr_preferred: 'IP 許可リストは非推奨です。コンテキスト・ベースの制限を推奨します（pse-wizard restrict）。',
    no_saved_profile: '{{instance}} へ接続する保存済みのプロファイルがないため、確認できません。セットアップ・ウィザードで保存してください。',
    path_connects: 'プロファイル「{{profile}}」は経路（{{path}}）を通って {{host}}:{{port}} に接続できます。すべてのフェーズが {{ms}} ミリ秒で成功しました。',
    path_fails: 'プロファイル「{{profile}}」は経路（{{path}}）を通って接続できません: {{result}}。',
    tls_off: 'このプロファイルは TLS を使っていません。',
    tls_verified: 'TLS（{{protocol}}）: 証明書チェーンとホスト名 {{servername}} を検証済みです。',
    tls_not_verified: 'TLS（{{protocol}}）ですが、証明書チェーンまたはホスト名 {{servername}} を検証していません。',
    certificate_valid_until_one: 'サーバー証明書の有効期限は {{date}} です（残り 1 日）。',
    certificate_valid_until_other: 'サーバー証明書の有効期限は {{date}} です（残り {{count}} 日）。',
    certificate_expires_soon_one: 'サーバー証明書は {{date}} に期限切れになります（残り 1 日）。すぐに更新してください。',
    certificate_expires_soon_other: 'サーバー証明書は {{date}} に期限切れになります（残り {{count}} 日）。更新を計画してください。',
    profile_uses_public_endpoint: 'プロファイル「{{profile}}」はパブリック・エンドポイント経由で接続しています。',
    user_admin: 'このプロファイルは管理ユーザー「{{user}}」で接続しています。インスタンス上で何でもできるユーザーです。',
    user_not_admin: 'このプロファイルは「{{user}}」で接続しています。管理ユーザーではありません。',
    user_gen2_manager: 'このプロファイルは、Manager 役割（管理者相当）のサービス・キー {{key}} のユーザー「{{user}}」で接続しています。',
    user_gen2_role: 'このプロファイルは、{{role}} 役割のサービス・キー {{key}} のユーザー「{{user}}」で接続しています。',
    user_role_unknown: 'ユーザー「{{user}}」の役割を読み取れませんでした（このインスタンスのどのサービス・キーにも表示されません）。',
    secrets_not_in_files_one: 'プロファイルの秘密情報は、PSE Wizard が {{folder}} に書き込んだファイル（1 個）に含まれていません。',
    secrets_not_in_files_other: 'プロファイルの秘密情報は、PSE Wizard が {{folder}} に書き込んだ {{count}} 個のファイルのどれにも含まれていません。',
    secret_in_file: 'このプロファイルの秘密情報が {{file}}（{{folder}} 内）に含まれています。ファイルを削除し、秘密情報を変更してください。',
    secrets_unreadable: 'キーチェーンからプロファイルの秘密情報を読み取れなかったため、ファイルを確認できませんでした: {{reason}}',
    secrets_none_saved: 'プロファイル「{{profile}}」には、確認する秘密情報が保存されていません。',
    scan_files_skipped_one: '1 個のファイルは大きすぎるため確認していません。',
    scan_files_skipped_other: '{{count}} 個のファイルは大きすぎるため確認していません。'
  },
  fix: {
    fix_endpoints_private:
      '{{name}} をプライベート・エンドポイントのみに切り替えてください。パブリック・エンドポイントで接続しているアプリケーションは接続できなくなるため、先にプライベート・エンドポイントへ移してください。',
    fix_restrict: '自分のネットワーク（VPC、サブネット、アドレス）だけを許可してください。インスタンスのデータ・プレーンに対するコンテキスト・ベースの制限を適用します。',
    fix_reachable: 'プロファイルをテストし、「{{result}}」のアドバイスに従ってください。',
    fix_verify_tls: 'プロファイルで証明書の検証をオンにして（インスタンスの CA 証明書を貼り付けて）、もう一度テストしてください。',
    fix_tls_on: 'プロファイルで TLS をオンにし（Databases for Redis は TLS 接続のみ受け付けます）、インスタンスの CA 証明書を貼り付けてから、もう一度テストしてください。',
    fix_use_private_profile: 'プライベート・エンドポイント経由で接続してください。セットアップ・ウィザードが保存したプライベートのプロファイルを使います。',
    fix_user_service_key: 'アプリケーションには admin ではなく、サービス・キー専用のユーザーを使ってください。サービス・キーを作成し、その資格情報でプロファイルを保存します。',
    fix_user_writer: 'アプリケーションには Manager ではなく、Writer 役割のサービス・キーを使ってください。'
  }
}
