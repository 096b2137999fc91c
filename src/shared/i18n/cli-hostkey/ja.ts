import type { Messages } from '../en'

/** `pse-wizard hostkey` が利用者向けに表示する文言（--json の出力は値とコードのまま）。 */
export const cliHostkeyJa: Messages['cliHostkey'] = {
  none: '承認済みのホスト鍵はまだありません。',
  pin: '{{id}} {{keyType}} {{fingerprint}}（{{acceptedAt}} に承認）',
  accepted: '{{host}}:{{port}} のホスト鍵 {{fingerprint}} を承認しました。',
  forgot: '{{host}}:{{port}} のホスト鍵の承認を取り消しました。',
  notPinned: '{{host}}:{{port}} のホスト鍵は承認されていません。',
  changed:
    '警告：{{host}}:{{port}} には別のホスト鍵（{{pinned}}）が承認済みです。鍵が変わった場合、接続が傍受されているか、サーバーが再インストールされた可能性があります。何も変更していません。',
  replaceHint:
    'サーバーの管理者が {{fingerprint}} を新しい鍵だと確認した場合に限り、次を実行してください：pse-wizard hostkey accept {{host}}:{{port}} {{fingerprint}} --replace'
}
