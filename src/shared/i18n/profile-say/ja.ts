import type { Messages } from '../en'

export const profileSayJa: Messages['profileSay'] = {
  notFoundById: 'ID が「{{id}}」のプロファイルはありません。別のウィンドウで削除された可能性があります。一覧を再読み込みしてください。',
  notFoundByName: '「{{name}}」という名前のプロファイルはありません。「pse-wizard profiles list」で一覧を確認してください。',
  fileNewer: '{{file}} は新しいバージョンの PSE Wizard で書き込まれています。プロファイルを変更する前に、この PSE Wizard を更新してください。',
  importExpired: '貼り付けた接続データは保持期限（15 分）を過ぎたため破棄されました。もう一度貼り付けてください。',
  pathUnsupported: 'この PSE Wizard は「{{kind}}」経路のテストにまだ対応していません。PSE Wizard を更新してください。',
  keychainTimeout:
    'システムのキーチェーンが {{seconds}} 秒以内に応答しませんでした。パスワードや許可を求める画面が出ている場合は応答するか、キーチェーンのロックを解除してから、もう一度実行してください。',
  keychainMissing:
    '利用できるキーチェーン（Secret Service）がないため、PSE Wizard はシークレットを保管できません。キーチェーンをインストールしてロックを解除するか（Debian/Ubuntu：sudo apt-get install gnome-keyring libsecret-1-0 を実行して再ログイン。または KeePassXC の Secret Service を有効化）、「このセッションの間だけシークレットを保持する」を選んでください。',
  keytarUnusable:
    'キーチェーン・モジュール（keytar）を使用できません：$t(profileSay.keytarReason.{{reason}})。そのため PSE Wizard はシステムのキーチェーンにシークレットを保管できません。使用するには {{tools}} をインストールし、PSE Wizard のフォルダーで「npm rebuild keytar」を実行して（node_modules/keytar がない場合は「npm install」）、PSE Wizard を起動し直してください。または「このセッションの間だけシークレットを保持する」を選んでください（コマンドラインでは pse-wizard setup --session-secrets）。',
  keytarReason: {
    not_installed: 'インストールされていません（npm install 中にビルドが失敗したか、インストール・スクリプトが無効でした）',
    no_native_part: 'ネイティブ部分なしでインストールされています（ビルドが実行されなかったか、失敗しました）',
    load_failed: 'ネイティブ部分を読み込めませんでした：「{{error}}」'
  },
  secretUnreadable: 'プロファイル「{{profileName}}」に保存した$t(profileSay.secretWords.{{secret}})は$t(profileSay.secretWhere.{{where}})。プロファイルでもう一度入力してください。',
  secretWords: { password: 'パスワード', clientKey: 'クライアント鍵', sshSecret: 'SSH パスフレーズまたはパスワード' },
  secretWhere: {
    session: '以前のセッションの間だけ保持されていたものです',
    keychain: 'キーチェーンから読み取れなくなりました（キーチェーンがリセットされたか、項目が削除されましたか？）'
  }
}
