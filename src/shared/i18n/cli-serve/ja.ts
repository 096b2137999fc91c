import type { Messages } from '../en'

/** `pse-wizard serve` と `pse-wizard sandbox` が利用者向けに表示する文言（--json の出力は値のまま）。 */
export const cliServeJa: Messages['cliServe'] = {
  running: 'PSE Wizard を実行しています。',
  runningSandbox: 'PSE Wizard をサンドボックス・モードで実行しています。',
  open: '開くリンク：{{url}}',
  linkOnce: 'このリンクは 1 回だけ使えます。新しいリンクが必要な場合は、ここで Enter キーを押すか、次を実行してください：kill -USR1 {{pid}}',
  stop: '停止するには Ctrl-C を押してください。',
  newLink: '新しいリンク（1 回だけ使えます）：{{url}}',
  notLoopback:
    '警告：ループバック・アドレスではない {{host}} で待ち受けています。このアドレスに到達でき、リンクを知った人は誰でも、このアプリを通じてあなたの IBM Cloud の資格情報を使えます。SSH トンネル（ssh -L）を使うことをお勧めします。',
  portInUse: 'ポート {{port}} は既に使用されています。--port で別のポートを指定するか、指定せずに空いているポートを使ってください。',
  sandbox: {
    header: 'PSE Wizard のサンドボックス：IBM Cloud エミュレーターは {{url}} で稼働中です（IBM Cloud ではありません）。Ctrl-C で停止します。',
    control: '実行中にフラグを変更したり障害を注入したりするには：'
  }
}
