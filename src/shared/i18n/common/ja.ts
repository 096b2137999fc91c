import type { Messages } from '../en'

export const commonJa: Messages['common'] = {
  listSeparator: '、',
  showDetails: '詳細を表示',
  hideDetails: '詳細を隠す',
  copy: 'コピー',
  copied: 'コピーしました',
  copyFailed: 'コピーできませんでした。テキストを選択してコピーしてください。',
  nextAction: '次の操作',
  errorCode: 'コード: {{code}}',
  probe: {
    dns_not_found: {
      title: 'ホスト名を解決できません',
      advice:
        '{{host}} の名前解決ができません。ホスト名に誤りがないか確認してください。プライベート・エンドポイントは、IBM Cloud のプライベート DNS に到達できる環境でのみ解決できます。'
    },
    private_endpoint_unreachable: {
      title: 'IBM Cloud のプライベート・ネットワークに接続されていません',
      advice:
        '{{host}} は IBM Cloud のサービス・エンドポイント・ネットワーク (166.8.0.0/14) に解決されましたが、ポート {{port}} から応答がありません。VPN または Direct Link で接続するか、IBM Cloud 内の踏み台サーバーやポッドからテストしてください。'
    },
    tcp_refused: {
      title: '接続が拒否されました',
      advice: '{{host}}:{{port}} で待ち受けているサービスがありません。ポート番号と、デプロイメントが稼働していることを確認してください。'
    },
    tcp_timeout: {
      title: '接続に応答がありません',
      advice: '{{host}}:{{port}} が時間内に接続を受け付けませんでした。デプロイメントの IP 許可リスト、ファイアウォール、ネットワーク経路を確認してください。'
    },
    tls_untrusted_ca: {
      title: '信頼されていない TLS 証明書です',
      advice:
        'サーバーの証明書が信頼された CA によって署名されていません。デプロイメントの CA 証明書 (サービス・キーの certificate_base64) をプロファイルに貼り付けてください。'
    },
    tls_hostname_mismatch: {
      title: '証明書がホスト名と一致しません',
      advice:
        'サーバーの証明書は {{servername}} に対して有効ではありません。接続文字列のホスト名を使用するか、証明書に含まれる名前を SNI サーバー名に設定してください。'
    },
    tls_expired: {
      title: '証明書の有効期限が切れています',
      advice: 'サーバーの証明書は期限切れか、まだ有効になっていません。このコンピューターの時計を確認し、正しければ証明書を更新する必要があります。'
    },
    tls_not_offered: {
      title: 'サーバーが TLS に対応していません',
      advice:
        '{{host}}:{{port}} は平文で通信しています。サーバーの TLS ポートを使用してください。ネットワークを信頼できる場合に限り、TLS をオフにしてください。'
    },
    tls_client_cert_rejected: {
      title: 'クライアント証明書が受け入れられませんでした',
      advice:
        'サーバーは相互 TLS (mTLS) を必要としており、このコンピューターのクライアント証明書を受け入れませんでした。サーバーが信頼するクライアント証明書と鍵をプロファイルに追加するか、有効期限が切れていないか確認してください。'
    },
    tls_required: {
      title: 'サーバーは TLS を必要としています',
      advice: '{{host}}:{{port}} は TLS 接続を必要としています。このプロファイルの TLS をオンにしてください (redis:// ではなく rediss://)。'
    },
    auth_failed: {
      title: 'ユーザー名またはパスワードが正しくありません',
      advice: 'サーバーがユーザー名またはパスワードを拒否しました。確認するか、IBM Cloud で新しいパスワードを設定してください (「設定」>「パスワードの変更」)。'
    },
    auth_required: {
      title: 'パスワードが必要です',
      advice:
        'サーバーはパスワードを必要としていますが、プロファイルにパスワードがありません。パスワード (および ACL ユーザー名があればそれも) を入力してください。'
    },
    acl_denied: {
      title: 'このユーザーには許可されていないコマンドです',
      advice: 'ログインはできましたが、ACL によってテストに必要なコマンドが禁止されています。少なくとも PING を許可するか、別のユーザーを使用してください。'
    },
    timeout: {
      title: 'サーバーが応答しません',
      advice:
        'サーバーは接続を受け付けましたが、時間内に応答しませんでした。このポートが Redis であることを確認するか、回線が遅い場合はタイムアウトを延ばしてください。'
    },
    unexpected_reply: {
      title: '予期しない応答です',
      advice: 'サーバーからテストが想定していない応答がありました。このポートが Redis であること、データベース番号が存在することを確認してください。'
    },
    secret_unreadable: {
      title: '保存済みのパスワードを読み取れません',
      advice: '保存済みのパスワードをキーチェーンから読み取れなくなりました。プロファイルでパスワードを再入力してください。'
    },
    cancelled: { title: 'テストを取り消しました', advice: 'テストは取り消されました。' },
    ssh_host_key_unknown: {
      title: '踏み台サーバーの新しいホスト鍵です',
      advice: '踏み台サーバーへの初めての接続です。上に表示したフィンガープリントを管理者に確認してから承認してください。'
    },
    ssh_host_key_changed: {
      title: '踏み台サーバーのホスト鍵が変更されています',
      advice:
        '踏み台サーバーが以前に承認した鍵とは異なるホスト鍵を提示しました。接続が傍受されている可能性があります。操作を中止し、新しい鍵をサーバーの管理者に確認してください。'
    },
    ssh_host_not_found: {
      title: '踏み台サーバーが見つかりません',
      advice: '踏み台サーバーのホスト名を解決できません。ホスト名、または ~/.ssh/config の HostName を確認してください。'
    },
    ssh_connect_refused: {
      title: '踏み台サーバーが接続を拒否しました',
      advice: 'そのホストとポートで SSH 接続を受け付けていません。SSH ポートと sshd が稼働していることを確認してください。'
    },
    ssh_connect_failed: {
      title: '踏み台サーバーに接続できません',
      advice: '踏み台サーバー (またはジャンプ・ホスト) への SSH 接続に失敗しました。アドレス、ポート、ネットワークを確認してください。'
    },
    ssh_timeout: {
      title: '踏み台サーバーが応答しません',
      advice: 'SSH 接続がタイムアウトしました。踏み台サーバーのアドレスと、途中のファイアウォールや VPN を確認してください。'
    },
    ssh_auth_failed: {
      title: 'SSH ログインが拒否されました',
      advice: '踏み台サーバーがユーザーまたは鍵を拒否しました。SSH ユーザー名と、公開鍵が authorized_keys に登録されていることを確認してください。'
    },
    ssh_key_unreadable: { title: 'SSH 鍵ファイルを読み取れません', advice: '秘密鍵ファイルを読み取れません。パスと権限を確認してください。' },
    ssh_key_passphrase_required: {
      title: '鍵のパスフレーズが必要です',
      advice: '秘密鍵はパスフレーズで保護されています。パスフレーズ欄に入力して再テストしてください。'
    },
    ssh_key_passphrase_wrong: { title: '鍵のパスフレーズが正しくありません', advice: 'パスフレーズで秘密鍵を開けませんでした。もう一度入力してください。' },
    ssh_agent_unavailable: {
      title: 'ssh-agent がありません',
      advice: 'ssh-agent が応答しません (SSH_AUTH_SOCK)。ssh-agent を起動して鍵を追加するか、鍵ファイルを選択してください。'
    },
    ssh_forward_denied: {
      title: '踏み台サーバーが転送を拒否しました',
      advice: '踏み台サーバーが Redis への TCP 転送を許可していません (AllowTcpForwarding)。管理者に許可を依頼してください。'
    },
    ssh_forward_failed: {
      title: '踏み台サーバーから Redis に接続できません',
      advice:
        'トンネルは確立しましたが、踏み台サーバーから Redis のホストとポートに接続できませんでした。踏み台サーバーからプライベート・エンドポイントに到達できることを確認してください。'
    },
    ssh_config_invalid: {
      title: '~/.ssh/config を読み取れません',
      advice: '~/.ssh/config の Host エントリーを確認するか、踏み台サーバーの情報を直接入力してください。'
    },
    ssh_config_jump_loop: {
      title: 'ProxyJump がループしています',
      advice: '~/.ssh/config の ProxyJump が循環しています。ジャンプ・ホストの指定を修正してください。'
    },
    ssh_secret_missing: {
      title: 'SSH のパスフレーズまたはパスワードが必要です',
      advice: 'このテスト用に、鍵のパスフレーズまたは SSH パスワードを入力してください。'
    },
    pod_tool_not_found: { title: 'kubectl / oc が見つかりません', advice: 'kubectl または oc をインストールするか、フルパスを入力してください。' },
    pod_rbac_forbidden: {
      title: 'この名前空間では許可されていません',
      advice: 'クラスターのユーザーに、この名前空間でポッドとシークレットを作成する権限がありません。権限を依頼するか、別の名前空間を選択してください。'
    },
    pod_not_logged_in: {
      title: 'クラスターにログインしていません',
      advice: '先にログイン (oc login、または kube コンテキストの設定) してから再テストしてください。'
    },
    pod_context_not_found: {
      title: 'kube コンテキストが見つかりません',
      advice: 'kube コンテキストが存在しません。「kubectl config get-contexts」で名前を確認してください。'
    },
    pod_namespace_not_found: { title: '名前空間が見つかりません', advice: 'このクラスターに名前空間が存在しません。名前を確認してください。' },
    pod_cluster_unreachable: {
      title: 'クラスターに接続できません',
      advice: 'クラスターの API サーバーが応答しません。ネットワークまたは VPN を確認してください。'
    },
    pod_tool_failed: { title: 'kubectl / oc が失敗しました', advice: 'コマンドが失敗しました。詳細で出力を確認してください。' },
    pod_timeout: {
      title: 'テスト用ポッドが時間内に終了しません',
      advice: 'ポッドが時間内に終了しませんでした。クラスターがポッドをスケジュールし、イメージをプルできることを確認してください。'
    },
    pod_image_pull_failed: {
      title: 'イメージをプルできません',
      advice: 'クラスターがイメージをプルできませんでした。クラスターから到達できるレジストリーのイメージを使用してください。'
    },
    pod_tls_unverifiable: {
      title: 'ポッドからサーバーを検証できません',
      advice:
        'ポッドのイメージに openssl がないため、証明書とホスト名を確認できませんでした。パスワードは送信していません。redis-cli と openssl の両方を含むイメージを使用してください。'
    },
    pod_failed: { title: 'テスト用ポッドが失敗しました', advice: 'ポッドがエラーで終了しました。詳細で出力を確認してください。' },
    pod_output_incomplete: {
      title: 'ポッドの出力が不完全です',
      advice: 'ポッドの出力が途中で終わりました。再テストし、繰り返す場合は詳細を確認してください。'
    },
    pod_probe_failed: { title: 'ポッド内でテストに失敗しました', advice: 'クラスター内からの接続テストに失敗しました。下のフェーズを確認してください。' }
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
