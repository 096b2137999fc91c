import type { Messages } from '../en'

export const deployGen2Ja: Messages['deployGen2'] = {
  generation: {
    legend: '世代',
    gen1: 'Gen 1 (クラシック)',
    gen1Needs: 'VRF とサービス・エンドポイントが有効なクラシック・アカウントが必要です。プライベート (選択すればパブリックも) のサービス・エンドポイントを持つインスタンスが作成されます。',
    gen2: 'Gen 2 (VPC)',
    gen2Needs: 'リージョンにサブネットのある VPC が必要です。プライベート専用のインスタンスが作成され、その VPC 内の仮想プライベート・エンドポイント (VPE) ゲートウェイを経由して接続します。',
    unavailable: 'ここでは使用できません：{{reason}}',
    checkedFor: '手順 2 では、このアカウントを {{generation}} 向けに確認しました。'
  },
  hostFlavor: 'ホスト・フレーバー',
  hostFlavorHelp: 'メンバーあたりの CPU と RAM はフレーバーで決まります（例：bx3d.4x20 = 4 コア、RAM 20 GB）。',
  storage: 'メンバーあたりのストレージ (GB)',
  storageHelp: '10～4000 GB です。Redis のメンバーは 2 つで、課金は合計 (この値の 2 倍) に対して行われます。',
  vpc: 'VPC',
  vpcHelp: 'アプリケーションが稼働する VPC です。プライベート・エンドポイント (VPE ゲートウェイ) はここに作成されます。',
  vpcNone: '{{region}} にサブネットのある VPC がありません。そこに作成するか、Gen 1 を選択してください。',
  vpcOption: '{{name}} (サブネット {{count}} 個)',
  subnets: 'プライベート・エンドポイントのサブネット',
  subnetsHelp: 'サブネットごとに予約済み IP アドレスを 1 つ使います。ゾーンごとに 1 つまでです。既定ではゾーンごとに 1 つ選択されます。',
  subnetOption: '{{name}} · {{zone}} · {{cidr}}',
  privateOnly: 'プライベートのみ：Gen 2 インスタンスにはパブリック・エンドポイントがありません。VPC 内 (または VPC への VPN や Direct Link) からのみ接続できます。',
  invalid: {
    generation: '世代を選択してください。',
    gen2HostFlavor: 'ホスト・フレーバーを選択してください。',
    storageGbPerMember: '10～4000 の整数を入力してください。',
    vpcId: 'プライベート・エンドポイントを作成する VPC を選択してください。',
    subnetIds: 'この VPC のサブネットを、ゾーンごとに 1 つまで選択してください。'
  },
  problem: {
    gen2PrivateOnly: 'Gen 2 のエンドポイントはプライベートのみです。',
    gen2HostFlavorMissing: 'ホスト・フレーバーを選択してください。',
    gen2VpcMissing: 'プライベート・エンドポイントを作成する VPC を選択してください。'
  },
  summary: {
    generation: '世代',
    storageTotal: 'ストレージ合計 {{total}} GB (2 メンバー)',
    vpc: 'VPC',
    subnets: 'プライベート・エンドポイントのサブネット',
    endpoints: 'プライベートのみ (VPC 内の VPE ゲートウェイ)',
    gen2What: 'プライベート・エンドポイントのみを持つ Databases for Redis Gen 2 インスタンス (プラン standard-gen2) です。このあとの手順で、資格情報とこの VPC 内の VPE ゲートウェイを作成します。'
  },
  instanceGeneration: '世代'
}
