import type { Messages } from '../en'

export const commonJa: Messages['common'] = {
  showDetails: '詳細を表示',
  hideDetails: '詳細を隠す',
  copy: 'コピー',
  copied: 'コピーしました',
  copyFailed: 'コピーできませんでした。テキストを選択してコピーしてください。',
  nextAction: '次の操作',
  errorCode: 'コード: {{code}}',
  probe: {
    dns_not_found: { title: 'ホスト名を解決できません', advice: '{{host}} の名前解決ができません。ホスト名に誤りがないか確認してください。プライベート・エンドポイントは、IBM Cloud のプライベート DNS に到達できる環境でのみ解決できます。' },
    private_endpoint_unreachable: { title: 'IBM Cloud のプライベート・ネットワークに接続されていません', advice: '{{host}} は IBM Cloud のサービス・エンドポイント・ネットワーク (166.8.0.0/14) に解決されましたが、ポート {{port}} から応答がありません。VPN または Direct Link で接続するか、IBM Cloud 内の踏み台サーバーやポッドからテストしてください。' },
    tcp_refused: { title: '接続が拒否されました', advice: '{{host}}:{{port}} で待ち受けているサービスがありません。ポート番号と、デプロイメントが稼働していることを確認してください。' },
    tcp_timeout: { title: '接続に応答がありません', advice: '{{host}}:{{port}} が時間内に接続を受け付けませんでした。デプロイメントの IP 許可リスト、ファイアウォール、ネットワーク経路を確認してください。' },
    tls_untrusted_ca: { title: '信頼されていない TLS 証明書です', advice: 'サーバーの証明書が信頼された CA によって署名されていません。デプロイメントの CA 証明書 (サービス・キーの certificate_base64) をプロファイルに貼り付けてください。' },
    tls_hostname_mismatch: { title: '証明書がホスト名と一致しません', advice: 'サーバーの証明書は {{servername}} に対して有効ではありません。接続文字列のホスト名を使用するか、証明書に含まれる名前を SNI サーバー名に設定してください。' },
    tls_expired: { title: '証明書の有効期限が切れています', advice: 'サーバーの証明書は期限切れか、まだ有効になっていません。このコンピューターの時計を確認し、正しければ証明書を更新する必要があります。' },
    tls_not_offered: { title: 'サーバーが TLS に対応していません', advice: '{{host}}:{{port}} は平文で通信しています。サーバーの TLS ポートを使用してください。ネットワークを信頼できる場合に限り、TLS をオフにしてください。' },
    tls_required: { title: 'サーバーは TLS を必要としています', advice: '{{host}}:{{port}} は TLS 接続を必要としています。このプロファイルの TLS をオンにしてください (redis:// ではなく rediss://)。' },
    auth_failed: { title: 'ユーザー名またはパスワードが正しくありません', advice: 'サーバーがユーザー名またはパスワードを拒否しました。確認するか、IBM Cloud で新しいパスワードを設定してください (「設定」>「パスワードの変更」)。' },
    auth_required: { title: 'パスワードが必要です', advice: 'サーバーはパスワードを必要としていますが、プロファイルにパスワードがありません。パスワード (および ACL ユーザー名があればそれも) を入力してください。' },
    acl_denied: { title: 'このユーザーには許可されていないコマンドです', advice: 'ログインはできましたが、ACL によってテストに必要なコマンドが禁止されています。少なくとも PING を許可するか、別のユーザーを使用してください。' },
    timeout: { title: 'サーバーが応答しません', advice: 'サーバーは接続を受け付けましたが、時間内に応答しませんでした。このポートが Redis であることを確認するか、回線が遅い場合はタイムアウトを延ばしてください。' },
    unexpected_reply: { title: '予期しない応答です', advice: 'サーバーからテストが想定していない応答がありました。このポートが Redis であること、データベース番号が存在することを確認してください。' },
    secret_unreadable: { title: '保存済みのパスワードを読み取れません', advice: '保存済みのパスワードをキーチェーンから読み取れなくなりました。プロファイルでパスワードを再入力してください。' },
    cancelled: { title: 'テストを取り消しました', advice: 'テストは取り消されました。' }
  },
  cli: {
    title: '同等の CLI コマンド',
    hint: '同じ手順をターミナルから実行するためのコマンドです。',
    copy: 'コマンドをコピー'
  },
  secret: {
    masked: '非表示',
    notSet: '未設定',
    reveal: '表示',
    hide: '隠す',
    copy: 'コピー',
    copied: 'クリップボードにコピーしました',
    revealFailed: 'シークレットを読み取れませんでした'
  },
  timeline: {
    title: '接続テストのタイムライン',
    passed: '成功',
    failed: '失敗',
    skipped: '未実行',
    total: '合計 {{ms}} ms',
    tableCaption: '接続テストの各フェーズ',
    phase: 'フェーズ',
    result: '結果',
    duration: '時間 (ms)',
    detail: '詳細',
    hover: '{{phase}}: {{ms}} ms、{{status}}',
    advice: '対処方法',
    empty: '実行されたフェーズはありません。',
    phases: {
      dns: 'DNS',
      tcp: 'TCP',
      tls: 'TLS',
      auth: 'AUTH',
      ping: 'PING',
      write: '書き込み',
      info: 'INFO',
      ssh: 'SSH',
      'ssh.connect': 'SSH 接続',
      'ssh.auth': 'SSH 認証',
      'ssh.forward': 'SSH 転送',
      ssh_connect: 'SSH 接続',
      ssh_auth: 'SSH 認証',
      ssh_forward: 'SSH 転送',
      pod: 'ポッド'
    }
  }
}
