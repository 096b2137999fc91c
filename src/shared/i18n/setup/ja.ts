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
  empty: 'セットアップ・ウィザードは準備中です。それまでは `pse-wizard` コマンドをご利用ください。',
  loading: 'セットアップ・ウィザードを読み込んでいます…',
  progressLabel: 'セットアップの手順',
  stepOf: '手順 {{n}} / 9',
  status: {
    pending: '未着手',
    ready: '実行できます',
    running: '処理中…',
    done: '完了',
    failed: '対応が必要です',
    blocked: '停止中'
  },
  nav: {
    back: '戻る',
    next: '次へ',
    startOver: '最初からやり直す',
    startOverHint: 'このセットアップの進行状況を破棄します。IBM Cloud のインスタンスと保存済みのプロファイルはそのまま残ります。',
    working: '処理中…'
  },
  changesCloud: 'この手順は IBM Cloud アカウントに変更を加えます。',
  readsCloud: 'この手順は IBM Cloud の情報を読み取るだけです。何も変更しません。',
  errors: {
    wizard_busy: 'ウィザードはまだ処理中です',
    not_ready: '前の手順が完了していません',
    wizard_vrf_disabled: 'このアカウントでは VRF が有効になっていません',
    wizard_service_endpoints_disabled: 'サービス・エンドポイントが有効になっていません',
    wizard_prerequisites_failed: '前提条件が満たされていません',
    wizard_name_mismatch: '名前が一致しません',
    wizard_no_private_endpoint: 'このインスタンスにはプライベート・エンドポイントがありません',
    wizard_test_failed: '接続テストに失敗しました',
    wizard_private_unreachable: 'このコンピューターからはプライベート・エンドポイントに接続できません',
    wizard_password_missing: 'パスワードがキーチェーンに見つかりません',
    ibm_password_rejected: 'IBM Cloud がパスワードを受け付けませんでした',
    ibm_api_key_invalid: 'API キーが受け付けられませんでした',
    ibm_unauthorized: 'IBM Cloud がログインを受け付けませんでした',
    ibm_forbidden: 'このキーにはその操作の権限がありません',
    ibm_rate_limited: 'IBM Cloud からリクエストの間隔を空けるよう求められました',
    ibm_server_error: 'IBM Cloud でサーバー・エラーが発生しました',
    ibm_unreachable: 'IBM Cloud に接続できませんでした',
    ibm_timeout: 'IBM Cloud から時間内に応答がありませんでした',
    ibm_provisioning_failed: 'プロビジョニングに失敗しました',
    ibm_conflict: 'IBM Cloud で競合が発生しました',
    invalid_input: '入力内容を確認してください',
    fallback: 'この手順を完了できませんでした'
  },
  causes: {
    ibm_provisioning_failed: 'IBM Cloud でインスタンスをプロビジョニングできませんでした (IBM Cloud の表示は進行状況バーの下にあります)。Key Protect の許可とクォータを確認し、下で失敗したインスタンスを削除してから、新しいインスタンスを作成してください。',
    ibm_api_key_invalid: 'IBM Cloud がこの API キーを受け付けませんでした。キー全体が正しくコピーされているか、削除されていないかを確認してください。または「管理」>「アクセス (IAM)」>「API キー」で新しいキーを作成してください。',
    ibm_rate_limited: 'IBM Cloud へのリクエストが多すぎます。1 分ほど待ってから再試行してください。',
    ibm_server_error: 'IBM Cloud がサーバー・エラーを返しました。数分後に再試行してください。続く場合は IBM Cloud のステータス・ページを確認してください。',
    ibm_unreachable: 'このコンピューターから IBM Cloud に接続できませんでした。ネットワーク接続とプロキシーを確認してから再試行してください。',
    ibm_timeout: 'IBM Cloud から時間内に応答がありませんでした。ネットワーク接続を確認してから再試行してください。',
    wizard_busy: 'ウィザードはまだ手順を処理中です。完了するまで待つか、先に中止してください。'
  },
  retry: '再試行',
  account: {
    title: 'IBM Cloud にログイン',
    lead: 'PSE Wizard は IBM Cloud の API キーを使って操作します。ここで入力したキーは OS のキーチェーンに保管され、再び画面に表示されることはありません。',
    sourceLegend: 'どの API キーを使いますか?',
    source: {
      apiKey: 'API キーを入力する',
      keychain: '以前キーチェーンに保存したキー',
      environment: '環境変数 IBMCLOUD_API_KEY のキー',
      session: 'ibmcloud CLI のログイン・セッション'
    },
    sessionUnavailable: '利用できません: ibmcloud CLI のログインが見つかりません。',
    apiKey: 'IBM Cloud API キー',
    apiKeyHelp: '「管理」>「アクセス (IAM)」>「API キー」で作成できます。',
    apiKeyRequired: 'API キーを入力してください。',
    signIn: 'ログイン',
    signedIn: 'ログインしました',
    accountName: 'アカウント名',
    accountId: 'アカウント ID',
    user: 'ユーザー',
    keySource: 'キー',
    unknown: 'このキーでは読み取れません'
  },
  prereq: {
    title: 'アカウントの確認',
    lead: 'プライベート・サービス・エンドポイントを使うには、アカウントで VRF とサービス・エンドポイントが有効になっている必要があります。ここに表示するコマンドには ibmcloud CLI と cloud-databases プラグインが必要です。',
    check: '確認する',
    recheck: '再確認',
    checkedAt: '{{time}} に確認しました',
    notChecked: 'まだ確認していません',
    columns: { item: '項目', result: '結果', detail: '詳細と対処方法' },
    ok: 'OK',
    fail: '未対応',
    unknown: '未確認',
    items: {
      api_key: 'IBM Cloud API キー',
      account: 'IBM Cloud アカウント',
      cli: 'IBM Cloud CLI (ibmcloud)',
      cli_login: 'CLI のログイン',
      plugin: 'cloud-databases CLI プラグイン',
      vrf: 'VRF が有効',
      service_endpoint: 'サービス・エンドポイントが有効'
    },
    docs: 'IBM Cloud の資料を開く',
    allOk: 'プライベート・サービス・エンドポイントを使う準備が整っています。',
    vrf: {
      title: 'VRF はサポート・ケースで有効にする必要があります',
      body: 'プライベート・サービス・エンドポイントには、アカウントの VRF (Virtual Routing and Forwarding) が必要です。VRF は IBM にしか有効にできないため、下の文面でサポート・ケースを作成してください。一度有効にした VRF は無効に戻せません。アカウントのクラシック・インフラストラクチャーのネットワークも恒久的に VRF に切り替わります。',
      steps: 'cloud.ibm.com の「サポート」>「ケースの作成」で「アカウントおよびアクセス」を選び、文面を貼り付けてください。IBM から有効化の連絡があったら、ここに戻って再確認してください。',
      caseText: 'サポート・ケースの文面',
      caseTextCopy: 'サポート・ケースの文面をコピー'
    },
    serviceEndpoints: {
      title: 'サービス・エンドポイントを有効にしてください',
      body: 'VRF は有効なので、サービス・エンドポイントはご自身で有効にできます。次のコマンドを実行するか (コンソールでは「管理」>「アカウント」>「アカウント設定」)、そのあとで再確認してください。'
    }
  },
  deploy: {
    title: 'Databases for Redis のデプロイ',
    lead: '元記事と同じ設定で新しいインスタンスを作成するか、既存のインスタンスを使います。',
    modeLegend: 'インスタンス',
    mode: { create: '新しいインスタンスを作成する', adopt: '既存のインスタンスを使う' },
    loadingOptions: 'ロケーション、リソース・グループ、バージョンを読み込んでいます…',
    name: 'インスタンス名',
    region: 'ロケーション',
    resourceGroup: 'リソース・グループ',
    resourceGroupDefault: '{{name}} (デフォルト)',
    tags: 'タグ',
    tagsHelp: 'カンマ区切りで入力します。例: env:dev, team:app',
    hostFlavor: 'ホスト・フレーバー',
    flavorShared: '共有コンピュート (マルチテナント)',
    memory: 'メンバーあたりの RAM (MB)',
    disk: 'メンバーあたりのディスク (MB)',
    cpu: 'メンバーあたりの専用コア数',
    cpuHelp: '0 = 共有 CPU',
    sizesIsolated: '分離ホスト・フレーバーでは、RAM とコア数はフレーバーで決まります。指定できるのはディスク・サイズだけです。',
    membersHelp: 'Redis のデータ・メンバーは 2 つです。課金は合計 (この値の 2 倍) に対して行われます。',
    version: 'データベースのバージョン',
    versionPreferred: '推奨バージョン',
    versionPreferredTag: '{{version}} (推奨)',
    keyProtect: 'Key Protect 鍵の CRN (省略可)',
    keyProtectHelp: '空欄の場合は、ディスク暗号化に自動生成の鍵を使います。',
    endpoints: 'サービス・エンドポイント',
    endpointOptions: {
      'public-and-private': 'パブリックとプライベート',
      private: 'プライベートのみ',
      public: 'パブリックのみ'
    },
    endpointsPublicOnly: 'パブリックのみの場合、接続先のプライベート・エンドポイントがありません。このあとの手順にはプライベート・エンドポイントが必要です。',
    review: '確認',
    invalid: {
      name: '1～180 文字の英数字、スペース、- . _ : で入力してください。',
      region: 'ロケーションを選択してください。',
      resourceGroupId: 'リソース・グループを選択してください。',
      tags: 'タグには英数字、スペース、_ . : - が使えます (1 つあたり 128 文字以内、50 個まで)。',
      hostFlavor: 'ホスト・フレーバーを選択してください。',
      memoryMbPerMember: '1024 MB 以上、256 MB 単位で入力してください。',
      diskMbPerMember: '1024 MB 以上、1024 MB 単位で入力してください。',
      cpuPerMember: '0～64 の整数を入力してください。',
      version: 'バージョンを選択してください。',
      keyProtectKeyCrn: '鍵の CRN (crn:v1:…) を入力するか、空欄のままにしてください。',
      serviceEndpoints: 'エンドポイントを選択してください。'
    },
    fixFields: '確認に進む前に、修正が必要な項目があります。',
    existing: '既存の Databases for Redis インスタンス',
    noInstances: 'このアカウントにはまだ Databases for Redis のインスタンスがありません。',
    adopt: 'このインスタンスを使う',
    instanceColumns: { name: '名前', state: '状態', endpoints: 'エンドポイント', version: 'バージョン' },
    summary: {
      title: 'このインスタンスを作成しますか?',
      billed: 'Databases for Redis は有料のサービスです。このインスタンスは作成した時点から削除するまで、時間単位で課金されます。',
      what: 'PSE Wizard は次の内容で作成します:',
      create: 'インスタンスを作成',
      edit: '設定を変更',
      none: 'なし',
      automatic: '自動',
      sharedCpu: '共有',
      totals: '合計 RAM {{memory}} MB、ディスク {{disk}} MB (2 メンバー)'
    }
  },
  deployDefaults: {
    publicMeans:
      'パブリック・エンドポイントを選ぶと、データベースがインターネットに公開されます。ホスト名を知った人はだれでも接続を試みることができ、それを防ぐのは TLS、パスワード、許可リストまたはコンテキスト・ベースの制限だけです。パブリックを指定しないかぎり、IBM Cloud はプライベート・エンドポイントのみで作成します。',
    eolReached: 'Redis {{version}} は {{date}} にサポート終了 (EOL) を迎えました。IBM Cloud はこのようなデプロイメントを SLA なしでインプレース・アップグレードします。新しいバージョンを選択してください。',
    eolNear: 'Redis {{version}} は {{date}} にサポート終了 (EOL) を迎えます。その後 IBM Cloud がインプレース・アップグレードします。避けるには新しいバージョンを選択してください。'
  },
  wait: {
    title: 'プロビジョニング',
    lead: 'IBM Cloud がデプロイメントを作成しています。通常 10～30 分かかります。',
    instance: 'インスタンス',
    progress: 'プロビジョニングの進行状況',
    ibmSays: 'IBM Cloud の表示:「{{text}}」',
    hiccup: '{{what}} ({{code}})。PSE Wizard は待機を続け、もう一度問い合わせます。',
    noPercent: 'サービスから進行状況が届くのを待っています…',
    elapsed: '経過時間: {{time}}',
    canClose: 'アプリを閉じても問題ありません。次に開いたときに待機を再開します。',
    ready: 'デプロイメントの準備ができました。',
    cancel: '待機を中止',
    cancelHint: '待機を中止しても何も削除されません。インスタンスのプロビジョニングは IBM Cloud で続行されます。',
    resume: '待機を再開',
    checkAgain: 'インスタンスを再確認',
    delete: {
      title: '失敗したインスタンスの削除',
      body: '失敗したインスタンスは修復できません。削除すると元に戻せないため、確認のためにインスタンス名を入力してください。削除後は「デプロイ」の手順で新しいインスタンスを作成できます。',
      typeName: '確認のため {{name}} と入力してください',
      button: 'インスタンスを削除'
    },
    noticeTitle: 'IBM Cloud で一時的なエラーが発生しました。待機は続けています',
    stopped: '待機を中止しました。インスタンスのプロビジョニングは IBM Cloud で続いています。いつでも再開できます。',
    failed: 'IBM Cloud でプロビジョニングに失敗しました。',
    phase: {
      creating: 'インスタンスを作成しています',
      provisioning: 'プロビジョニング中',
      waiting_for_database: 'データベースが接続を受け付けるのを待っています',
      ready: '準備完了',
      failed: '失敗',
      stopped: '中止'
    }
  },
  password: {
    title: '管理者パスワードの設定',
    lead: '接続する前に、admin ユーザーのパスワードを設定する必要があります。パスワードは OS のキーチェーンに保管します。',
    modeLegend: 'パスワード',
    mode: { generate: '強力なパスワードを生成する (推奨)', enter: '自分で入力する' },
    field: '管理者パスワード',
    rules: '15～72 文字で、英大文字、英小文字、数字をそれぞれ 1 つ以上含めてください。使える文字は英数字と _ - だけで、_ や - で始めることはできません。',
    checking: 'ルールに沿っているか確認しています…',
    fine: 'パスワードはルールを満たしています。',
    set: 'パスワードを設定',
    done: 'ユーザー「{{user}}」のパスワードを設定し、{{where}}に保管しました。',
    where: { keychain: 'OS のキーチェーン', session: 'このセッションのメモリー (終了すると消えます)' },
    stored: '管理者パスワード'
  },
  connection: {
    title: '接続情報',
    lead: 'デプロイメントの接続文字列と TLS 証明書です。パスワードは $PASSWORD と表示しています。',
    fetch: '接続情報を取得',
    public: 'パブリック・エンドポイント',
    private: 'プライベート・エンドポイント',
    uri: '接続文字列',
    host: 'ホストとポート',
    user: 'ユーザー',
    ca: 'TLS 証明書 (CA)',
    caShow: '証明書を表示',
    caHide: '証明書を隠す',
    commands: 'コマンド',
    ibmCommand: 'IBM Cloud 提供のコマンド',
    redli: 'redli',
    none: 'このインスタンスには{{endpoint}}がありません。'
  },
  serviceKey: {
    title: 'プライベートのサービス・キー',
    lead: 'アプリケーションは service-endpoints: private で作成したサービス・キー (サービス資格情報) を使って、プライベート・エンドポイントに接続します。既存のプライベートのキーがあれば再利用します。',
    name: 'サービス・キー名',
    create: 'サービス・キーを作成',
    reused: '既存のプライベートのサービス・キーを再利用しました。',
    created: 'プライベートのサービス・キーを作成しました。',
    keyName: '名前',
    host: 'プライベートのホストとポート',
    user: 'ユーザー',
    passwordNote: 'パスワードは OS のキーチェーンに保管しました。'
  },
  test: {
    title: '接続テスト',
    lead: 'PSE Wizard が各エンドポイントに TLS で接続してログインし、PING、書き込み、INFO を実行します。',
    run: 'テストを実行',
    rerun: '再テスト',
    public: 'パブリック・エンドポイント',
    private: 'プライベート・エンドポイント',
    notRun: 'まだテストしていません。',
    passed: 'どちらのエンドポイントも応答しました。接続プロファイルを保存できます。',
    unreachable: {
      title: 'このコンピューターは IBM Cloud のプライベート・ネットワークの外にあります',
      body: 'ノート PC からであれば想定どおりです。プライベート・エンドポイントは IBM Cloud の内側 (仮想サーバー、クラスター、VPN、Direct Link) からしか応答しません。インスタンスとサービス・キーに問題はありません。プロファイルを保存してから、次のいずれかの方法でプライベートの接続をテストしてください:',
      available: 'PSE Wizard で実行できます',
      manual: 'ご自身で実施してください',
      diagnosis: 'このコンピューターから見た原因',
      options: {
        bastion: {
          label: 'SSH 踏み台サーバー経由',
          detail:
            'IBM Cloud のプライベート・ネットワーク上の仮想サーバーを使います。プロファイルを保存してから、踏み台サーバー経由でプライベートのプロファイルをテストしてください。'
        },
        pod: {
          label: 'OpenShift / Kubernetes クラスター内のポッドから',
          detail:
            'プロファイルを保存してから、ポッドからプライベートのプロファイルをテストしてください。PSE Wizard が oc または kubectl で短時間だけ動くポッドを起動し、終了後に削除します。'
        },
        vpn: {
          label: 'VPN または Direct Link 経由',
          detail:
            'このコンピューターを IBM Cloud のプライベート・ネットワークに接続してから（VPC 用クライアント VPN、クラシックの SSL VPN、または Direct Link）、ここで再テストしてください。'
        }
      }
    }
  },
  save: {
    title: '接続プロファイルの保存',
    lead: 'エンドポイントごとに接続プロファイルを保存します。パスワードは OS のキーチェーンに保管します。',
    publicName: 'パブリックのプロファイル名',
    privateName: 'プライベートのプロファイル名',
    nameDefault: '{{name}} ({{endpoint}})',
    save: 'プロファイルを保存',
    saved: 'プロファイルを保存しました。',
    publicProfile: 'パブリックのプロファイル',
    privateProfile: 'プライベートのプロファイル',
    open: '接続プロファイルで開く',
    openAll: '接続プロファイルへ移動',
    startOver: '別の接続をセットアップする',
    restrictTitle: '自分のネットワークだけに、そしてその証明',
    restrictLead:
      'プライベート・エンドポイントには、IBM Cloud のプライベート・ネットワーク上のどのアカウントからも到達できます。自分のネットワークだけを許可し、プライバシー・レポートですべての主張を確認してください。',
    restrict: '接続できる相手を制限',
    privacyReport: 'プライバシー・レポートを開く'
  },
  cliHint: '同じ手順を ibmcloud CLI で行う場合のコマンドです (元記事と同じ操作です)。',
  cliHintExample: '元記事の値を使った例です。インスタンスを作成すると、入力した値でのコマンドを表示します。',
  cli: {
    login_apikey: 'API キーでログイン',
    login_sso: 'IBM Cloud にログイン',
    account_show: 'アカウントを表示 (名前、ID、「VRF Enabled」、「Service Endpoint Enabled」)',
    service_endpoint_enable: 'サービス・エンドポイントを有効化 (VRF が必要です。無効の場合はサポート・ケースを案内されます)',
    plugin_install: 'Cloud Databases プラグイン (cdb) をインストール',
    plugin_list: 'インストール済みのプラグインを確認',
    instances_list: 'Databases for Redis のインスタンスを一覧表示',
    instance_create: 'Databases for Redis のインスタンスを作成',
    tag_attach: 'タグを付ける',
    instance_show: 'インスタンスの状態と最後の操作を表示',
    cdb_deployments: 'Cloud Databases のデプロイメントと状態を一覧表示',
    user_password: '管理者パスワードを設定 ($PASSWORD を置き換えてください)',
    connections_public: 'パブリックの接続文字列',
    connections_private: 'プライベートの接続文字列',
    cacert: 'TLS 証明書 (CA) を保存',
    key_create: 'プライベートのサービス・キーを作成',
    key_show: 'サービス資格情報を表示',
    redli_public: 'redli でパブリック・エンドポイントをテスト',
    redli_private: 'redli でプライベート・エンドポイントをテスト (IBM Cloud のプライベート・ネットワーク内から)',
    redli: 'redli でテスト',
    rediscli_public: 'redis-cli でパブリック・エンドポイントをテスト',
    rediscli_private: 'redis-cli でプライベート・エンドポイントをテスト (IBM Cloud のプライベート・ネットワーク内から)',
    test_private_profile: '保存したプライベートのプロファイルを再テスト',
    test_public_profile: '保存したパブリックのプロファイルを再テスト'
  }
}
