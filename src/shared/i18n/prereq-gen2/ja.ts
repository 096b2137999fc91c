import type { Messages } from '../en'

export const prereqGen2Ja: Messages['prereqGen2'] = {
  heading: '{{region}} の Gen 2 の前提条件',
  lead: 'Gen 2 はプライベート専用で VPC 上にあります。リージョンにサブネットのある VPC、そのリージョンの Gen 2 デプロイメント、各手順の IAM の役割が必要です。VRF は不要です。',
  generation: {
    legend: 'Databases for Redis の世代',
    gen1: 'Gen 1 (クラシック)',
    gen1Hint: 'VRF とサービス・エンドポイントが有効なクラシック・アカウントが必要です。プライベート・サービス・エンドポイントで接続します。',
    gen2: 'Gen 2 (VPC)',
    gen2Hint: 'リージョンに VPC が必要です。プライベート専用で、仮想プライベート・エンドポイント (VPE) ゲートウェイを経由して接続します。'
  },
  openConsole: 'IBM Cloud コンソールで開く',
  region: 'リージョン',
  regionHelp: 'VPC、そのサブネット、Gen 2 のデプロイメントをこのリージョンで確認します。',
  regions: {
    'au-syd': 'シドニー',
    'br-sao': 'サンパウロ',
    'ca-mon': 'モントリオール',
    'ca-tor': 'トロント',
    'eu-de': 'フランクフルト',
    'eu-es': 'マドリード',
    'eu-gb': 'ロンドン',
    'in-che': 'チェンナイ',
    'jp-osa': '大阪',
    'jp-tok': '東京',
    'us-east': 'ワシントン DC',
    'us-south': 'ダラス'
  },
  readyWithUnknown: '{{region}} の Gen 2 に足りないものはありません。「未確認」の項目は事前に読み取れません。ウィザードは止まらず、拒否された手順には足りなかったものが表示されます。',
  blocked: {
    vpcTitle: '{{region}} にサブネットのある VPC が必要です',
    vpcBody: 'Gen 2 には同じリージョンの VPC からしか接続できません。下の表のコマンドを実行するか (またはコンソールを使って)、もう一度確認してください。',
    notOfferedTitle: '{{region}} では Gen 2 が提供されていません',
    notOfferedBody: '上で別のリージョンか Gen 1 を選んで、もう一度確認してください。'
  },
  cli: {
    target_region: 'リージョンをターゲットにする',
    vpcs: 'リージョンの VPC を一覧表示する',
    subnets: 'サブネットを一覧表示する (ゾーンとアドレス範囲)'
  },
  items: {
    gen2_catalog: 'リージョンの Databases for Redis Gen 2',
    vpc: 'リージョンの VPC',
    subnet: 'VPC のサブネット',
    iam_roles: 'Gen 2 の手順に必要な IAM の役割'
  },
  needsKey: '確認していません。有効な API キーが必要です (上記を参照)。',
  catalog: {
    offered: 'IBM Cloud は {{region}} で Gen 2 を提供しています (カタログのデプロイメント {{deployment}})。',
    elsewhere: 'グローバル・カタログに載っている Gen 2 のデプロイメントは {{regions}} だけで、{{region}} はありません。',
    elsewhereAdvice: 'これらのリージョンのいずれかを選んでください (VPC も同じリージョンに必要です)。または {{region}} で Gen 1 を使ってください。',
    unlisted:
      'グローバル・カタログにプラン {{plan}} のデプロイメントが 1 つもないため、{{region}} で Gen 2 が提供されているかどうか PSE Wizard では判断できません。',
    unlistedAdvice:
      'IBM Cloud のカタログで、{{region}} の Databases for Redis に Gen 2 プランがあるか確認してください。提供されていない場合は、何かを作成する前にデプロイの手順でそう表示されます。',
    unreadable: 'グローバル・カタログを読み取れませんでした: {{reason}}',
    unreadableAdvice: '数分後にもう一度確認してください。'
  },
  vpc: {
    found: '{{region}} の {{names}}',
    none: '{{region}} に VPC がありません。',
    noneAdvice:
      'Gen 2 はプライベート専用で、同じリージョンの VPC から仮想プライベート・エンドポイント (VPE) ゲートウェイを経由して接続します。下のコマンドかコンソールで {{region}} に VPC を作成してから、もう一度確認してください。',
    unreadable: '{{region}} の VPC の一覧を取得できませんでした: {{reason}}',
    unreadableAdvice: '数分後にもう一度確認してください。'
  },
  subnet: {
    found: '{{vpc}}: {{subnets}}',
    none: '{{region}} の VPC にはサブネットがありません ({{vpcs}})。',
    noneAdvice:
      'VPE ゲートウェイは、クライアントが動くゾーンごとにサブネットの IP アドレスを 1 つ使います。下のコマンド (必要なゾーンごとに 1 つ) かコンソールで {{vpc}} にサブネットを作成してから、もう一度確認してください。',
    needsVpc: '新しい VPC にはまだサブネットがありません。',
    needsVpcAdvice: 'VPC を作成したら、下のコマンドでその中にサブネットを作成し (クライアントが動くゾーンごとに 1 つ)、もう一度確認してください。',
    unreadable: '{{vpc}} のサブネットの一覧を取得できませんでした: {{reason}}',
    notChecked: '確認していません。VPC の一覧を取得できませんでした。'
  },
  iam: {
    vpcViewerConfirmed:
      'VPC Infrastructure Services のビューアーは確認済みです (VPC の一覧を取得できました)。ほかの役割は事前に読み取れません。IBM Cloud は手順が拒否されたときにだけそれを伝えます。',
    vpcViewerMissing: 'VPC Infrastructure Services のビューアーがありません。IBM Cloud が VPC の一覧の取得を拒否しました。',
    vpcViewerUnknown: '不明です。VPC の一覧を取得できず、ほかの役割は事前に読み取れません (IBM Cloud は手順が拒否されたときにだけそれを伝えます)。',
    needed:
      'Gen 2 の手順には、リソース・グループのビューアー、Databases for Redis のエディターのプラットフォーム役割 (インスタンスの作成)、インスタンスのオペレーター、エディター、または管理者 (サービス・キー)、VPC Infrastructure Services のビューアーとエディター (VPC、VPE ゲートウェイとそのセキュリティー・グループ) が必要です。「管理」>「アクセス (IAM)」>「ユーザー」> 自分のユーザー >「アクセス」で、アクセス・グループの分も含めて確認してください。拒否された手順には、足りなかった役割が表示されます。',
    missingAdvice:
      'アカウント管理者に、「管理」>「アクセス (IAM)」で VPC Infrastructure Services のビューアーを付与してもらってから、もう一度確認してください。Gen 2 の手順には、リソース・グループのビューアー、Databases for Redis のエディターのプラットフォーム役割、インスタンスのオペレーター、エディター、または管理者、VPC Infrastructure Services のエディターも必要です。'
  }
}
