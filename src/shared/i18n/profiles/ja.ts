import type { Messages } from '../en'

export const profilesJa: Messages['profiles'] = {
  title: '接続プロファイル',
  lead: '保存済みの Databases for Redis への接続です。ワンクリックでテストできます。',
  empty: '接続プロファイルはまだありません。接続文字列、サービス・キー、または空のフォームから作成してください。',
  cancel: 'キャンセル',
  on: 'オン',
  off: 'オフ',
  endpoint: { public: 'パブリック', private: 'プライベート' },
  list: {
    tableTitle: 'プロファイル',
    tableHint: 'プロファイルをテストすると、ここからアプリケーションが Redis に到達できるかどうかを確認できます。',
    toolbar: 'プロファイルの操作',
    search: '名前、ホスト、タグで検索',
    tagFilter: 'タグ',
    allTags: 'すべてのタグ',
    testAll: 'すべてテスト',
    new: '新規プロファイル',
    newBlank: '空のフォームから',
    newFromUrl: '接続文字列 (URL) から',
    newFromServiceKey: 'サービス・キーの JSON から',
    newFromFile: 'ファイルから',
    name: '名前',
    endpoint: 'エンドポイント',
    host: 'ホスト',
    path: 'ネットワーク経路',
    lastTest: '前回のテスト',
    actions: '操作',
    test: 'テスト',
    testing: 'テスト中…',
    never: '未テスト',
    noMatch: '検索条件またはタグに一致するプロファイルはありません。',
    storeWarning: 'プロファイル・ファイルに問題がありました'
  },
  path: {
    direct: '直接',
    ssh: 'SSH 踏み台サーバー',
    pod: 'クラスター内のポッド',
    directHint: 'このコンピューターから Redis に直接接続します (IBM Cloud 内、または VPN や Direct Link 経由)。',
    sshHint: 'プライベート・エンドポイントに到達できる踏み台サーバーを経由し、SSH トンネルでテストします。TLS は引き続き実際の Redis のホスト名で検証します。',
    podHint: 'Kubernetes または OpenShift クラスター内で短時間だけ動くポッドがテストを実行します。ポッドとシークレットはテスト後に削除されます。',
    sshVia: 'SSH 経由 ({{target}})',
    podIn: 'ポッド ({{namespace}})',
    methodKey: '秘密鍵ファイル',
    methodAgent: 'ssh-agent',
    methodPassword: 'パスワード'
  },
  import: {
    continue: '続行',
    failed: '読み取れませんでした',
    url: {
      title: '接続文字列から新規プロファイルを作成',
      hint: 'rediss:// または redis:// の URL、または redli のコマンド・ラインを貼り付けてください。含まれるパスワードはアプリが保持し、フォームには表示しません。',
      label: '接続文字列'
    },
    'service-key': {
      title: 'サービス・キーから新規プロファイルを作成',
      hint: 'IBM Cloud のサービス資格情報 (サービス・キー) の JSON、または「ibmcloud cdb deployment-connections --output json」の出力を貼り付けてください。',
      label: 'サービス・キーの JSON'
    },
    file: {
      title: 'ファイルから新規プロファイルを作成',
      hint: 'サービス・キーの JSON、PSE Wizard からエクスポートしたプロファイル、または接続文字列を含むテキスト・ファイルを選択してください。',
      label: 'ファイル',
      pick: 'ファイルを選択'
    }
  },
  file: {
    tooLarge: 'ファイルが大きすぎます ({{kb}} kB を超えています)。'
  },
  editor: {
    newTitle: '新規接続プロファイル',
    paste: '接続文字列またはサービス・キーを貼り付けてフォームに入力',
    pasteHint: 'rediss:// の URL、redli のコマンド・ライン、またはサービス・キーの JSON。含まれるシークレットはアプリ内に保持されます。',
    prefill: '入力する',
    connection: '接続',
    secrets: 'パスワード',
    secretsHint: 'OS のキーチェーンに保管され、プロファイル・ファイルには保存されません。「表示」をクリックしたときだけ表示されます。',
    changeSshSecret: '変更',
    changePassword: 'パスワードを変更',
    passwordFromImport: '貼り付けたテキストにパスワードが含まれていたため、アプリが保持しています。入力すると置き換えます。',
    tls: 'TLS',
    plainWarning: 'TLS を使用しないと、パスワードとデータが平文でネットワークを流れます。',
    mtls: 'クライアント証明書 (相互 TLS、任意)',
    insecure: '安全ではありません',
    insecureHint: 'サーバー証明書とホスト名を検証しません。経路上の第三者がサーバーになりすますことができます。',
    path: 'ネットワーク経路',
    test: 'テスト',
    testAndSave: 'テストして保存',
    testing: 'テスト中…',
    saving: '保存しています…',
    close: '閉じる',
    delete: '削除',
    deleteTitle: '「{{name}}」を削除しますか?',
    deleteText: 'このコンピューターからプロファイルと、キーチェーン内のシークレットを削除します。IBM Cloud 上では何も変更されません。',
    saved: 'プロファイルを保存しました',
    fixFields: '強調表示された項目を修正してください。',
    testFailedTitle: 'テストに失敗したため、プロファイルは保存されていません',
    testFailedText: '問題を修正して再テストするか、このまま保存してください (別のネットワークから後でテストする場合など)。',
    saveAnyway: 'このまま保存',
    cancelTest: 'テストを取り消す',
    cancelledText: '何も記録されていません。プロファイルの前回のテスト結果はそのままです。'
  },
  field: {
    name: 'プロファイル名',
    tags: 'タグ',
    tagsHint: 'コンマで区切ります。例: prod, tokyo',
    host: 'ホスト',
    port: 'ポート',
    db: 'データベース番号',
    username: 'ユーザー名 (ACL)',
    usernameHint: 'パスワードのみで認証する場合は空にします。',
    password: 'パスワード',
    passwordHint: 'サーバーがパスワードを必要としない場合は空にします。',
    connectMs: '接続タイムアウト (ms)',
    commandMs: 'コマンド・タイムアウト (ms)',
    tls: 'TLS を使用',
    ca: 'CA 証明書 (PEM)',
    caHint: 'デプロイメントの TLS 証明書 (サービス・キーの certificate_base64 をデコードしたもの)。空の場合はシステムの信頼済み CA を使用します。',
    caFile: 'ファイルから読み込む',
    servername: 'TLS サーバー名 (SNI)',
    servernameHint: '空の場合はホストを使用します。証明書に含まれないアドレスで接続する場合に設定します。',
    clientCert: 'クライアント証明書 (PEM)',
    clientKey: 'クライアントの秘密鍵',
    clientKeyFile: 'クライアントの秘密鍵をファイルから読み込む',
    clientKeyPem: 'クライアントの秘密鍵 (PEM)',
    clientKeyHint: '貼り付けるか、ファイルから読み込んでください。保存すると OS のキーチェーンに格納され、プロファイル・ファイルには書き込まれません。',
    verify: 'サーバー証明書とホスト名を検証する',
    pathKind: 'このコンピューターから Redis への到達方法',
    sshAlias: '~/.ssh/config から入力',
    sshAliasHint: 'Host エントリーを選ぶと、HostName、Port、User、IdentityFile、ProxyJump が下の項目に入力されます。',
    sshAliasNone: 'ホストを選択…',
    sshHost: '踏み台サーバー',
    sshPort: 'SSH ポート',
    sshUser: 'SSH ユーザー',
    sshMethod: 'ログイン方法',
    sshKeyPath: '秘密鍵ファイル',
    sshKeyPathHint: 'フルパスで指定します。例: ~/.ssh/id_ed25519',
    sshPassphrase: '鍵のパスフレーズ',
    sshPassword: 'SSH パスワード',
    sshSecretHint: 'このプロファイルとともに OS のキーチェーンに保管されます。不要な場合は空にします。',
    sshSecretStored: 'SSH のパスフレーズまたはパスワード (保存済み)',
    sshJumps: 'ジャンプ・ホスト (ProxyJump)',
    sshJumpsHint: '任意。ssh -J と同じ形式 (user@host[:port]) で、接続する順にコンマで区切って指定します。',
    podTool: 'コマンド',
    podBinary: 'コマンドのパス',
    podBinaryHint: '空の場合は PATH から探します。',
    podContext: 'kube コンテキスト',
    podContextHint: '空の場合は現在のコンテキストを使用します。',
    podNamespace: '名前空間',
    podImage: 'redis-cli を含むイメージ',
    podImageHint: '空の場合は公式の Redis イメージを使用します。クラスターがインターネットからプルできない場合は、自社レジストリーのコピーを指定してください。'
  },
  fieldErrors: {
    name: '名前を入力してください (100 文字以内)。',
    tags: 'タグに空白は使用できません。40 文字以内のタグを 20 個まで指定できます。',
    host: 'ホスト名または IP アドレスを入力してください。',
    port: '1 から 65535 までのポート番号を入力してください。',
    db: '0 から 255 までのデータベース番号を入力してください。',
    username: 'ユーザー名に空白は使用できません。',
    caPem: 'PEM 形式の証明書 (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----) を貼り付けてください。',
    servername: 'ホスト名を入力するか、空にしてください。',
    clientCertPem: 'PEM 形式の証明書を貼り付けるか、空にしてください。',
    connectMs: '100 から 120000 ms までのタイムアウトを入力してください。',
    commandMs: '100 から 120000 ms までのタイムアウトを入力してください。',
    ssh_host: '踏み台サーバーのホスト名または IP アドレスを入力してください。',
    ssh_port: '1 から 65535 までのポート番号を入力してください。',
    ssh_username: 'SSH ユーザー名を入力してください (空白なし)。',
    ssh_privateKeyPath: '鍵ファイルのフルパスを入力してください。例: ~/.ssh/id_ed25519',
    ssh_jumps: 'ジャンプ・ホストは user@host または user@host:port の形式で、コンマで区切って指定してください。',
    pod_binaryPath: 'oc または kubectl で終わるフルパスを入力するか、空にしてください。',
    pod_context: 'コンテキスト名に空白は使用できません。',
    pod_namespace: '名前空間には英小文字、数字、ダッシュのみ使用できます。',
    pod_image: 'registry.example.com/tools/redis:7 のようなイメージ参照を入力してください。'
  },
  hostKey: {
    unknownTitle: '新しい踏み台サーバーです。ホスト鍵を確認してください',
    unknownText:
      '{{where}} への初めての接続です。フィンガープリントが管理者から提供されたもの (サーバー上の ssh-keygen -lf の出力) と一致するか確認してください。',
    unknownAdvice: '一致する場合にのみ承認してください。アプリはこの鍵を記憶し、変更された場合は接続を停止します。',
    accept: '承認して再テスト',
    accepting: '承認しています…',
    changedTitle: '踏み台サーバーのホスト鍵が変更されています',
    changedText: '{{where}} が以前に承認した鍵とは異なる鍵を提示しました。接続が傍受されている可能性があるため、テストを停止しました。',
    changedAdvice:
      '続行しないでください。踏み台サーバーの管理者に鍵が交換されたかどうかを確認し、確認できた場合にのみ、アプリの既知のホストから古い鍵を削除して再テストしてください。',
    server: 'サーバー',
    type: '鍵の種類',
    fingerprint: 'フィンガープリント',
    pinned: '承認済みのホスト鍵:'
  },
  diagnosis: {
    not_on_private_network: 'このコンピューターは IBM Cloud のプライベート・ネットワークに接続されていません',
    private_dns_unreachable: 'ここではプライベート・エンドポイントの名前を解決できません',
    vpe_unreachable: 'ここから仮想プライベート・エンドポイント (VPE) に到達できません',
    addresses: '解決されたアドレス:',
    use_direct: '直接接続を使用する',
    use_ssh: 'SSH 踏み台サーバーを使用する',
    use_pod: 'クラスター内のポッドを使用する',
    why: {
      not_on_private_network:
        '{{host}} は IBM Cloud のサービス・エンドポイント・ネットワーク（166.8.0.0/14）のアドレス {{addresses}} に解決されましたが、応答がありませんでした。このコンピューターは IBM Cloud のプライベート・ネットワークに接続されていません。インターネット上のノート PC からであれば想定どおりです。',
      private_dns_unreachable:
        'ここでは {{host}} の名前を解決できません。プライベート・エンドポイントの名前に応答するのは IBM Cloud のプライベート DNS だけで、このコンピューターからは到達できません。',
      vpe_unreachable:
        '{{host}} は VPC のプライベート・アドレス {{addresses}}（仮想プライベート・エンドポイント）に解決されましたが、応答がありませんでした。この VPC の内側、またはそこに接続されたネットワークからしか到達できません。'
    },
    path: {
      direct: '直接接続：VPN または Direct Link',
      ssh: 'SSH 踏み台サーバー経由',
      pod: 'クラスター内のポッドから'
    },
    action: {
      not_on_private_network: {
        direct:
          'このコンピューターを IBM Cloud のプライベート・ネットワークに接続してから（Client-to-Site VPN、Direct Link、または IBM Cloud 内のサーバーでアプリを実行）、再テストしてください。',
        ssh: 'サービス・エンドポイントに到達できる IBM Cloud の仮想サーバー（クラシックまたは VPC）を経由してトンネルを張ります。そのサーバーへの SSH アクセスが必要です。',
        pod: 'IBM Cloud Kubernetes Service または Red Hat OpenShift on IBM Cloud のクラスターで短時間だけ動くポッドからテストします。そのクラスターにログイン済みの oc または kubectl が必要です。'
      },
      private_dns_unreachable: {
        direct: 'IBM Cloud のプライベート DNS への DNS 転送も行う VPN または Direct Link を使用してから、再テストしてください。',
        ssh: 'IBM Cloud の仮想サーバーを経由してトンネルを張ります。そのサーバーは IBM Cloud DNS でプライベートの名前を解決します。',
        pod: 'IBM Cloud のクラスター内のポッドからテストします。ポッドの DNS はプライベートの名前を解決します。'
      },
      vpe_unreachable: {
        direct: 'エンドポイントの VPC（または Transit Gateway でそこに接続されたネットワーク）への Client-to-Site VPN で接続してから、再テストしてください。',
        ssh: 'エンドポイントと同じ VPC 内の仮想サーバーを経由してトンネルを張ります。',
        pod: 'エンドポイントと同じ VPC で動くクラスター内のポッドからテストします。'
      }
    }
  },
  keychain: {
    unavailableTitle: 'キーチェーンが見つからないため、パスワードを保存できません',
    sessionTitle: 'パスワードはこのセッションの間だけ保持されます',
    useSession: 'このセッションの間だけシークレットを保持する'
  },
  pod: {
    cleaned: 'テストはポッド {{name}} ({{namespace}}、イメージ {{image}}) で実行しました。ポッドとシークレットは削除済みです。',
    leftTitle: 'テスト用ポッドを削除できませんでした',
    leftText: 'ポッド {{name}} またはそのシークレットが {{namespace}} に残っている可能性があります。次のコマンドで削除してください:',
    output: 'ポッドの出力を表示'
  },
  export: {
    menu: 'エクスポート',
    redli: 'redli コマンド',
    'redis-cli': 'redis-cli コマンド',
    env: '.env 形式',
    kubernetes: 'Kubernetes シークレット',
    json: 'プロファイルの JSON',
    withSecrets: 'パスワードを含める',
    withSecretsHint: 'オフの場合、パスワードは含めず、入力用のプレースホルダーにします。'
  },
  restrict: {
    open: 'アクセスを制限',
    title: '{{name}} に接続できるネットワーク',
    lead: '一覧に入れたネットワークだけが Redis に接続できるようになります（IBM による管理操作は引き続き可能です）。適用の前後でプロファイルをテストし、接続できなくなる場合は元の設定に戻します。',
    addresses: '接続を許可するネットワーク',
    addressesHint: 'IPv4・IPv6 アドレス、範囲（a-b）または CIDR サブネットを 1 行に 1 つずつ。このコンピューターの接続元アドレスも含めてください。',
    mechanism: '方式',
    cbr: 'コンテキスト・ベースの制限（推奨）',
    allowlist: 'IP 許可リスト（Gen 1 のみ。非推奨）',
    preview: 'プレビュー',
    apply: '適用',
    close: '閉じる',
    failed: '制限は適用されませんでした',
    summaryCbr:
      '{{name}} に接続できるのは {{list}} だけになります（データ・プレーンへのコンテキスト・ベースの制限、適用モード有効）。IBM による管理操作は引き続き可能です。',
    summaryAllowlist: '{{name}} に接続できるのは {{list}} だけになります（Gen 1 の IP 許可リスト。コンテキスト・ベースの制限を推奨します）。',
    source: 'このコンピューターの接続元は {{address}} です。',
    suggest: 'このコンピューターの接続元は {{address}} です（NAT や VPN で変換されない場合に、インスタンスから見えるアドレスです）。',
    suggestAdd: '{{address}} を追加',
    vpcEntry: 'VPC「{{name}}」',
    vpcs: '接続を許可する VPC',
    vpcsHint: 'このインスタンスへの VPE ゲートウェイがある VPC です。VPC を指定すると、その中のすべてのサブネット（今後追加されるものも含む）が許可されます。',
    vpcOption: '{{name}}（VPE ゲートウェイ {{gateway}}、サブネット {{subnets}}）',
    vpcsNone: 'このインスタンスへの VPE ゲートウェイがある VPC はありません。',
    outcome: {
      planned: 'プレビュー：まだ何も変更していません',
      applied: '適用済み。プロファイルは引き続き接続できます',
      unchanged: 'すでに適用済み。プロファイルは引き続き接続できます'
    },
    messages: {
      restrict_address_invalid:
        '次の項目を修正してから、もう一度実行してください：{{entries}}。各項目は IPv4・IPv6 アドレス、範囲（a-b）、またはネットワーク・アドレスから始まる CIDR サブネットで、/8（IPv4）または /32（IPv6）より広くないものにしてください。',
      addressInvalidCorrected:
        '次の項目を修正してから、もう一度実行してください：{{entries}}。各項目は IPv4・IPv6 アドレス、範囲（a-b）、またはネットワーク・アドレスから始まる CIDR サブネットで、/8（IPv4）または /32（IPv6）より広くないものにしてください。ネットワーク・アドレスから始まっていないサブネット：{{corrections}}。',
      lockedOutMissing:
        'この制限ではプロファイル「{{name}}」が接続できなくなる（{{result}}）ため、元の設定に戻しました。このコンピューターの接続元 {{missing}} がどの項目にも含まれていません。このアドレス（またはそのネットワーク）を追加して、もう一度実行してください。',
      lockedOutDirect:
        'この制限ではプロファイル「{{name}}」が接続できなくなる（{{result}}）ため、元の設定に戻しました。このコンピューターが IBM Cloud に接続するときのアドレス（NAT や VPN を経由した後のもの）を追加して、もう一度実行してください。',
      lockedOutPath:
        'この制限ではプロファイル「{{name}}」が接続できなくなる（{{result}}）ため、元の設定に戻しました。プロファイルの踏み台サーバーまたはクラスターの送信元アドレスを追加して、もう一度実行してください。',
      restrict_profile_fails_before:
        'プロファイル「{{name}}」は現在接続できない（{{result}}）ため、制限の効果を確認できません。先にプロファイルのテストが通るようにしてから制限してください。',
      restrict_profile_not_ibm: 'プロファイル「{{name}}」は IBM Cloud のインスタンスから保存されたものではないため、制限するインスタンスがわかりません。',
      restrict_allowlist_ipv6:
        'Gen 1 の許可リストに入れられるのは IPv4 アドレスとサブネットだけです。IPv6 や範囲にはコンテキスト・ベースの制限を使用してください。',
      restrict_allowlist_gen2: 'Gen 2 のインスタンスには IP 許可リストがありません。コンテキスト・ベースの制限を使用してください。',
      restrict_allowlist_vpc:
        'Gen 1 の許可リストに入れられるのはアドレスだけで、VPC は指定できません。コンテキスト・ベースの制限を使用するか、VPC のサブネットを列挙してください。',
      restrict_vpc_unknown: 'インスタンスのリージョン {{region}} に VPC {{vpcs}} がありません。次のいずれかを指定してください：{{known}}。'
    },
    errors: {
      restrict_address_invalid: '使用できない項目があります',
      restrict_would_lock_out: 'このコンピューターが接続できなくなるため、元に戻しました',
      restrict_profile_fails_before: '先にプロファイルのテストを通してください',
      restrict_profile_not_ibm: 'このプロファイルには IBM Cloud のインスタンスがありません',
      restrict_allowlist_ipv6: '許可リストは IPv4 のみです',
      restrict_allowlist_gen2: 'Gen 2 には許可リストがありません',
      restrict_allowlist_vpc: '許可リストには VPC を指定できません',
      restrict_vpc_unknown: 'インスタンスのリージョンにその VPC がありません'
    }
  }
}
