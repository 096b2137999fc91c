import type { Messages } from '../en'
import { podNotesJa, sshMethodJa, sshNotesJa } from './path-ja'

/** 接続テストの各フェーズの記述 (日本語)。サーバーやライブラリーの言葉 (reply, said) は「」で引用します。 */
export const probeNotesJa: Messages['probeNotes'] = {
  join: { list: '、', sentence: 'none' },
  addressClass: {
    ibm_service_endpoint: 'IBM Cloud のサービス・エンドポイント・ネットワーク（166.8.0.0/14）',
    private: 'プライベート・ネットワーク（RFC 1918）',
    loopback: 'ループバック',
    public: 'パブリック・インターネット'
  },
  sshMethod: sshMethodJa,
  codes: {
    dns: {
      literal: '{{address}} は IP アドレスです（{{addressClass}}）。名前解決は不要です。',
      resolved: '{{host}} → {{addresses}}（{{addressClass}}）。',
      timeout: '{{ms}} ms 以内に {{host}} の DNS 応答がありませんでした。',
      lookup_failed: '{{host}} の名前解決に失敗しました（{{error}}）。',
      no_address: '{{host}} を名前解決しましたが、アドレスが返されませんでした。'
    },
    tcp: {
      connected: '{{address}}:{{port}} に接続しました。',
      after_refused: '先に試したアドレス：{{refused}}。',
      refused: 'ポート {{port}} への接続が拒否されました（{{refused}}）。',
      unreachable: 'ここからポート {{port}} に到達できません（{{refused}}）。',
      connect_failed: '{{address}}:{{port}} に接続できませんでした（{{error}}）。',
      timeout: '{{addresses}} のポート {{port}} が {{ms}} ms 以内に接続を受け付けませんでした。',
      service_endpoint_network: 'このアドレスは IBM Cloud のサービス・エンドポイント・ネットワーク（166.8.0.0/14）にあります。'
    },
    tls: {
      off: 'このプロファイルでは TLS がオフです（平文）。',
      session: '{{protocol}}、{{cipher}}。証明書：{{subject}}（発行者：{{issuer}}）。',
      verified: '証明書チェーンとホスト名を検証しました。',
      not_verified: '検証していません（安全でないプロファイル）。',
      chain_ok: '証明書チェーンは信頼できます。',
      chain_untrusted: '証明書チェーンは信頼できません（{{verifyError}}）。',
      hostname_ok: 'ホスト名は一致しています。',
      hostname_unverified: 'ホスト名が一致しません。',
      untrusted: '証明書を信頼できません：{{verifyError}}。',
      hostname_mismatch: '証明書は {{servername}} を対象としていません。証明書に記載された名前：{{names}}。',
      sni_rejected:
        'サーバーが TLS サーバー名（SNI）{{servername}} を拒否しました。このサーバーは別の名前で提供されています。Databases for Redis Gen 2 では、SNI は VPE ドメインと一致する必要があります。',
      plain_reply: 'サーバーは TLS ハンドシェイクに平文で応答しました。',
      closed: 'TLS ハンドシェイクの途中でサーバーが接続を閉じました。',
      handshake_failed: 'TLS ハンドシェイクに失敗しました：{{error}}。',
      plain_sniffed: 'TLS ハンドシェイクに応答がなく、このポートは平文の PING に応答します。平文で通信するポートです。',
      handshake_timeout: '{{ms}} ms 以内に TLS ハンドシェイクの応答がありませんでした。',
      client_cert_required: '相互 TLS に失敗しました。サーバーはクライアント証明書を要求していますが、証明書が送信されていません（{{alert}}）。',
      client_cert_unknown_ca: '相互 TLS に失敗しました。サーバーはクライアント証明書を発行した CA を信頼していません（{{alert}}）。',
      client_cert_refused: '相互 TLS に失敗しました。サーバーがクライアント証明書を拒否しました（{{alert}}）。',
      client_cert_expired: '相互 TLS に失敗しました。クライアント証明書の有効期限が切れています（{{alert}}）。',
      client_cert_revoked: '相互 TLS に失敗しました。クライアント証明書は失効しています（{{alert}}）。'
    },
    auth: {
      as_user: '{{user}} として認証しました。',
      none_needed: '認証は不要でした。',
      hello: 'HELLO で RESP{{protocol}} をネゴシエートしました。',
      hello_select: 'HELLO で RESP{{protocol}} をネゴシエートし、データベース {{db}} を選択しました。',
      pipelined_ping: '最初の PING とまとめて 1 回で送信しました（パイプライン）。',
      pipelined_checks: 'PING および書き込み・INFO のチェックとまとめて 1 回で送信しました（パイプライン）。',
      timed_to: '時間：送信から {{command}} の応答まで。',
      hello_refused: 'HELLO が拒否されたため（「{{reply}}」）、従来の AUTH と RESP2 を使用しました。',
      required: 'サーバーは認証を要求しています：「{{reply}}」',
      failed: '認証に失敗しました：「{{reply}}」',
      tls_required: 'サーバーは平文の接続を閉じ、TLS ハンドシェイクには応答します。',
      select_failed: 'SELECT {{db}} に失敗しました：「{{reply}}」'
    },
    reply: {
      timeout: '{{ms}} ms 以内に {{command}} の応答がありませんでした。',
      protocol: '応答を読み取れませんでした：「{{said}}」',
      connection_ended: '{{command}} の途中で接続が切れました：「{{said}}」'
    },
    ping: {
      samples: '{{count}} 回測定：p50 {{p50}} ms、p95 {{p95}} ms。',
      first_pipelined: 'PING は HELLO とまとめて送信しました。',
      first_pipelined_more: '最初の PING は HELLO とまとめて送信し、残りは 1 回ずつ往復しました。',
      refused: 'PING が拒否されました：「{{reply}}」',
      answered: 'PING への応答が「{{reply}}」でした。'
    },
    write: {
      ok_removed: '一時キー（TTL {{ttl}} 秒）の SET/GET/DEL：成功。キーは削除しました。',
      ok_not_removed: '一時キーの SET/GET/DEL：成功。ただしキーを削除できませんでした（「{{reply}}」）。{{ttl}} 秒後に期限切れになります。',
      read_only_replica: 'SET は拒否されました（読み取り専用のレプリカです）。読み取りはできます。失敗ではありません。',
      read_only_acl: 'SET は拒否されました（読み取り専用のユーザー：ACL が書き込みを禁止しています）。読み取りはできます。失敗ではありません。',
      sent_with_hello: 'HELLO・PING と同じ送信にまとめました。',
      sent_with_ping: '最後の PING と同じ送信にまとめました。',
      timed: '時間：PONG から DEL の応答まで。',
      set_failed: 'SET に失敗しました：「{{reply}}」',
      read_back: '一時キーを読み戻せませんでした（SET の応答：「{{reply}}」）。'
    },
    info: {
      denied: 'このユーザーには INFO が許可されていません。サーバーの情報は HELLO から取得しました。',
      server: 'Redis {{version}}、{{role}}、{{mode}}、RESP{{protocol}}。',
      timed: '書き込みチェックとまとめて送信しました。時間：DEL の応答から INFO の応答まで。'
    },
    phase: {
      not_run: '未実行：前のフェーズが失敗しました。',
      cancelled: 'キャンセルしました。',
      error: '予期しないエラー：「{{said}}」'
    },
    ssh: sshNotesJa,
    pod: podNotesJa
  }
}
