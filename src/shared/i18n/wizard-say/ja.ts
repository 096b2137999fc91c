import type { wizardSayEn } from './en'

/** セットアップ・ウィザードの失敗メッセージ（日本語）。キーは en.ts と同じ。 */
export const wizardSayJa: Record<keyof typeof wizardSayEn, string> = {
  internal: 'PSE Wizard の内部で問題が発生しました。もう一度実行してください。繰り返す場合は、詳細を添えて報告してください。',
  busy: 'ウィザードはまだ手順を実行中です。終わるまで待つか、先にキャンセルしてください。',
  busyElsewhere:
    '別の PSE Wizard のプロセス（デスクトップ・アプリ、またはターミナルの「pse-wizard setup」）が同じデータ・フォルダーでこのセットアップを実行中です。そちらが終わるまで待つか停止してから、もう一度実行してください。',
  stateHeldSecret: 'ウィザードの状態に秘密情報が含まれていたため、PSE Wizard は保存を拒否しました。この問題を報告してください。',
  stepNotReached: 'その手順にはまだ進めません。先に現在の手順を完了してください。',
  signInFirst: '先に「アカウント」の手順でサインインしてください。',
  environmentKeyMissing: 'IBMCLOUD_API_KEY が設定されていません。設定するか、「アカウント」の手順で API キーを入力してください。',
  keychainKeyMissing: 'キーチェーンに API キーが保存されていません。「アカウント」の手順で入力してください。',
  checkPrerequisitesFirst: '先に前提条件を確認してください。',
  vrfDisabled:
    'このアカウントでは VRF が有効になっていません。プライベート・サービス・エンドポイントには VRF が必要です。有効にできるのは IBM だけです。下のテキストでサポート・ケースを作成し（VRF は無効に戻せません）、IBM の確認後にもう一度確認してください。',
  supportCaseOpen:
    'VRF はまだ無効です。サポート・ケース {{caseNumber}} で IBM に有効化を依頼しています。IBM がケースを解決したら、もう一度確認してください（確認のたびに、PSE Wizard がケースの状況と VRF を読み直します）。',
  supportCaseNotNeeded: 'サポート・ケースを作成するのは、クラシック (Gen 1) アカウントで VRF が無効な場合だけです。先に前提条件を確認してください。',
  serviceEndpointsDisabled:
    'このアカウントではサービス・エンドポイントが有効になっていません。下のコマンドを（アカウント所有者、またはプライベート・エンドポイントを管理できるユーザーが）実行してから、もう一度確認してください。',
  prerequisiteUnavailable: '前提条件「{{label}}」を利用できません：{{detail}}。',
  gen2NotOffered: 'このリージョンでは Databases for Redis Gen 2 は提供されていません。別のリージョンか Gen 1 を選んでください。',
  gen2RegionFirst: '先に Gen 2 のリージョンを選んでください。そのリージョンの VPC、サブネット、Gen 2 のデプロイメントを確認します。',
  gen2VpcMissing: 'Gen 2 には {{region}} の VPC（サブネットあり）からのみ接続できます。足りないものを作成してから（下のコマンドまたはコンソール）、もう一度確認してください。',
  gen2HostFlavorFirst: 'Gen 2 インスタンスのホスト・フレーバーを選択してください。',
  gen1NotInRegion: '{{region}} では Databases for Redis Gen 1 は提供されていません。別のリージョンか Gen 2 を選択してください。',
  gen2NotInRegion: 'Gen 2 は {{offered}} でのみ提供され、{{region}} では提供されていません。これらのリージョンのいずれかか Gen 1 を選択してください。',
  gen2Unreadable: '{{region}} で Gen 2 に必要な情報を読み取れませんでした（{{detail}}）。Gen 1 はデプロイできます。VPC の閲覧者ロールを確認してから、再読み込みしてください。',
  gen2NoVpcInRegion: 'Gen 2 には {{region}} の VPC からのみ接続できますが、VPC がありません。そこにサブネット付きの VPC を作成するか、Gen 1 を選択してください。',
  gen2NoSubnetInRegion: '{{region}} の VPC にはサブネットがありません。Gen 2 のプライベート・エンドポイントにはサブネットが必要です。サブネットを作成するか、Gen 1 を選択してください。',
  waitStillTrying: 'IBM Cloud から今回は応答がありませんでした。PSE Wizard は待ち続け、もう一度問い合わせます。',
  waitUntilReady: 'インスタンスの準備ができるまで待ってください。',
  passwordRejected: 'このパスワードは IBM Cloud Databases の規則を満たしていません。生成するか、入力欄に示された規則に従ってください。',
  noAdminPasswordYet: '管理パスワードはまだ設定されていません。',
  adminPasswordGone: '管理パスワードがキーチェーンにありません。この手順で新しいパスワードを設定してください。',
  setPasswordFirst: '先に管理パスワードを設定してください。',
  gen2HasNoAdminPassword:
    'Gen 2 のインスタンスには管理者ユーザーも管理者パスワードもありません。代わりに、このステップで資格情報 (Manager 役割のサービス・キー) を作成してください。',
  gen1HasAdminPassword: 'Gen 1 のインスタンスには管理者ユーザーがあります。このステップでそのパスワードを設定してください。サービス・キーを資格情報として使うのは Gen 2 のインスタンスです。',
  gen2KeyUnreadable:
    '「{{instanceName}}」には「{{keyName}}」という名前のサービス・キーがすでにありますが、その資格情報はこのコンピューターのキーチェーンにありません。IBM Cloud は Gen 2 のキーの資格情報を作成時に一度だけ表示します。そのキーを誰も使っていなければ削除して ({{deleteCommand}}) もう一度実行するか、別の名前で資格情報を作成してください。',
  gen2KeyRoleMismatch: '「{{keyName}}」という名前のサービス・キーは {{wanted}} ではなく {{role}} の役割ですでに存在します。{{wanted}} のキーには別の名前を付けてください。',
  gen2CredentialsGone: 'Manager キーのパスワードがキーチェーンにもうありません。このステップで (別の名前で) 資格情報を作成し直してください。',
  gen2CredentialsFirst: '先にステップ 5 で資格情報 (Manager のサービス・キー) を作成してください。',
  fetchConnectionFirst: '先に接続情報を取得してください。',
  noPrivateEndpoint:
    '「{{instanceName}}」にはプライベート・エンドポイントがありません。有効にする（ibmcloud resource service-instance-update {{instanceName}} --service-endpoints public-and-private）か、プライベート・エンドポイントのある新しいインスタンスをデプロイしてください。',
  gen2ConnectionNotYet: 'インスタンスにはまだ接続情報（extensions）が表示されていません。1 分ほど待ってから、もう一度実行してください。',
  vpeNoVpc:
    '先に「デプロイ」の手順で VPE ゲートウェイを置く VPC を選択してください。Gen 2 のインスタンスには、同じリージョンの VPC にある VPE ゲートウェイを経由してのみ接続できます。',
  vpeSubnetsGone: 'VPE ゲートウェイ用に選択したサブネットが VPC {{vpcId}} にありません。「デプロイ」の手順でサブネットを選択し直してから、もう一度実行してください。',
  vpeSecurityGroupNeeded:
    'VPE ゲートウェイには、クライアントのサブネットからの TCP {{port}} を許可するセキュリティー・グループが必要です。VPC のセキュリティー・グループを選択するか、PSE Wizard による作成に同意してから、もう一度実行してください。',
  vpeSecurityGroupUnknown:
    'セキュリティー・グループ {{securityGroupId}} はこの VPC にありません。VPC のセキュリティー・グループを選択するか、PSE Wizard に作成させてください。',
  vpeFailed:
    'VPE ゲートウェイ {{name}} は failed 状態で終了しました（IBM Cloud のメッセージ：「{{reasons}}」）。もう一度実行してください。PSE Wizard は失敗したゲートウェイを削除してから新しく作成します（2 つ目を作ることはありません）。再び失敗する場合は、VPC Infrastructure Services に対するご自身の役割と IBM Cloud の状況ページを確認してください。',
  createServiceKeyFirst: '先にプライベートのサービス・キーを作成してください。',
  noPublicEndpoint: 'このインスタンスにはパブリック・エンドポイントがありません。',
  endpointPasswordGone: 'このエンドポイントのパスワードがキーチェーンにありません。管理パスワードを再設定する（手順 5）か、サービス・キーを作成し直して（手順 7）ください。',
  endpointTestFailed: '{{endpoint}} エンドポイントのテストに失敗しました（{{result}}）。失敗した場所と対処はタイムラインに表示されています。',
  privateUnreachableWhy:
    'このコンピューターからはプライベート・エンドポイントに到達できません。到達できるのは IBM Cloud のプライベート・ネットワークの中（VSI、クラスター、VPN、Direct Link）からだけです。',
  privateUnreachable:
    'このコンピューターからはプライベート・エンドポイントに到達できません。インスタンスとプライベート・キーに問題はありません。プロファイルを保存し、プライベートのプロファイルを踏み台サーバー経由またはクラスター内のポッドからテストしてください。',
  runTestFirst: '先に接続テストを実行してください。',
  profilePasswordGone: 'パスワードがキーチェーンにありません。管理パスワードを再設定する（手順 5）か、サービス・キーを作成し直して（手順 7）ください。',
  profileSavingUnavailable: 'このビルドでは、プロファイルの保存はまだ使えません。',
  notTheWizardsInstance: 'これはウィザードのインスタンスではありません。',
  typeNameToDelete: 'インスタンスを削除するには、その名前を正確に入力してください：{{instanceName}}'
}
