import type { Messages } from '../en'

type Codes = Messages['probeNotes']['codes']

/** SSH とポッドの経路の記述 (日本語)。ssh2、kubectl / oc、redis-cli、openssl の言葉 (said) は「」で引用します。 */
export const sshMethodJa: Messages['probeNotes']['sshMethod'] = { key: '鍵', agent: 'SSH エージェントの鍵', password: 'パスワード' }

export const sshNotesJa: Codes['ssh'] = {
  route: 'SSH の経路：{{route}}。',
  host_key_from_file: '{{host}}:{{port}} のホスト鍵は {{file}} の {{line}} 行目によって信頼されています。',
  host_key_pinned: '{{host}}:{{port}} のホスト鍵は、以前に承認した鍵と一致しました。',
  forwarded: '最後の SSH サーバーが {{host}}:{{port}} への接続を開きました。',
  secret_missing: '{{user}}@{{host}} の SSH パスワードが保存されていません。',
  connect_timeout: '{{host}}:{{port}} は {{ms}} ms 以内に SSH 接続に応答しませんでした。',
  auth_timeout: '{{host}}:{{port}} は {{ms}} ms 以内に SSH ログインを完了しませんでした。',
  forward_timeout: 'SSH サーバーは {{ms}} ms 以内に {{host}}:{{port}} への接続を開きませんでした。',
  connect_refused: '{{host}}:{{port}} で SSH 接続を受け付けるものがありません（「{{said}}」）。',
  host_not_found: 'SSH サーバー名 {{host}} を名前解決できません（「{{said}}」）。',
  connect_failed: '{{host}}:{{port}} への SSH 接続に失敗しました：「{{said}}」',
  auth_refused: '{{host}}:{{port}} は、{{user}} としての{{method}}によるログインを拒否しました：「{{said}}」',
  agent_missing: 'SSH エージェントが実行されていません（SSH_AUTH_SOCK が設定されていません）。',
  agent_unreachable: 'SSH エージェントに接続できませんでした：「{{said}}」',
  key_unreadable: '秘密鍵ファイル {{file}} を使用できませんでした：「{{said}}」',
  key_too_large: 'ファイル {{file}} は 1 MiB を超えているため、SSH 秘密鍵ではありません。',
  key_passphrase_required: '鍵 {{file}} はパスフレーズで保護されていますが、パスフレーズが指定されていません。',
  key_passphrase_wrong: 'このパスフレーズでは鍵 {{file}} のロックを解除できません。',
  forward_denied: 'SSH サーバーは {{host}}:{{port}} への転送を拒否しました：「{{said}}」',
  forward_failed: 'SSH サーバーは {{host}}:{{port}} に接続できませんでした：「{{said}}」',
  host_key_unknown: '{{host}}:{{port}} が、これまでに見たことのない {{keyType}} ホスト鍵を提示しました：{{fingerprint}}。',
  host_key_changed: '{{host}}:{{port}} のホスト鍵が変わりました。提示された鍵は {{keyType}} {{fingerprint}}、承認済みの鍵は {{pinned}} です。',
  host_key_changed_file: '{{host}}:{{port}} のホスト鍵が {{file}} の {{line}} 行目の鍵と異なります。提示された鍵は {{keyType}} {{fingerprint}} です。',
  host_key_revoked: '{{host}}:{{port}} のホスト鍵（{{fingerprint}}）は、{{file}} の {{line}} 行目で @revoked とされています。'
}

export const podNotesJa: Codes['pod'] = {
  ran: 'ポッド {{pod}}（名前空間 {{namespace}}、イメージ {{image}}）：起動・待機・クリーンアップの時間です。',
  ran_in_context: 'ポッド {{pod}}（コンテキスト {{context}} の名前空間 {{namespace}}、イメージ {{image}}）：起動・待機・クリーンアップの時間です。',
  not_deleted: 'ポッドとシークレットは削除されていません。次のコマンドで削除してください：{{command}}',
  not_measured: 'ポッド内では個別に測定していません。',
  dns_resolved: 'クラスター内で名前解決しました：{{addresses}}。',
  dns_not_found: 'クラスター内でこの名前を解決できません（getent ahosts でアドレスが見つかりませんでした）。',
  tcp_tls_together: 'TCP 接続と TLS ハンドシェイクを、ポッド内でまとめて測定しました。',
  tls_verified_openssl:
    'パスワードを送信する前に、イメージ内の openssl で証明書チェーンとホスト名を検証しました。redis-cli も接続のたびに証明書チェーンを検証しました。',
  tls_chain_only: 'redis-cli で証明書チェーンを検証しました。ホスト名は検証していません。',
  tls_not_verified: '証明書を検証していません（このプロファイルでは検証がオフです）。',
  tls_unverifiable:
    '接続していません。イメージに openssl がなく、redis-cli は証明書チェーンしか検証せず、ホスト名を検証しないためです。パスワードは送信していません。',
  no_answer: '{{seconds}} 秒以内に応答がありませんでした。',
  connected: 'ポッドから redis-cli でサーバーに到達しました。',
  auth_ok: 'プロファイルの資格情報で送信した PING に応答がありました。',
  ping: '1 つの接続で PING を {{count}} 回送信しました（接続の確立を含みます）。',
  write_ok: '一時キー（有効期限 {{ttl}} 秒）の SET/GET/DEL：成功。',
  write_read_only: '読み取り専用のユーザーです。ACL が書き込みを拒否しています。失敗ではありません。',
  info_ok: 'INFO に応答がありました。',
  info_server: 'Redis {{version}}、{{role}}、{{mode}}。',
  said: 'ポッド内の出力：「{{said}}」',
  tool_not_found: 'PATH に {{tool}} が見つかりません。',
  tool_not_executable: '{{file}} は実行可能なファイルではありません。',
  tool_not_started: '{{file}} を起動できませんでした：「{{said}}」',
  forbidden: '名前空間 {{namespace}} でクラスターに拒否されました：「{{said}}」',
  context_not_found: 'kube コンテキスト {{context}} は存在しません：「{{said}}」',
  not_logged_in: '{{tool}} はクラスターにログインしていません：「{{said}}」',
  namespace_not_found: '名前空間 {{namespace}} は存在しません：「{{said}}」',
  cluster_unreachable: '{{tool}} からクラスターの API に到達できません：「{{said}}」',
  tool_failed: '{{tool}} が失敗しました：「{{said}}」',
  tool_timeout: '{{tool}} が {{seconds}} 秒以内に終了しませんでした。',
  tool_output_too_large: '{{tool}} の出力が {{mib}} MiB を超えたため、停止しました。',
  image_pull_failed: 'クラスターがイメージ {{image}} を取得できませんでした：「{{said}}」',
  container_failed: 'テスト用のポッドがコンテナーを起動できませんでした：「{{said}}」',
  wait_timeout: 'テスト用のポッドが時間内に終了しませんでした。最後の状態：「{{said}}」'
}
