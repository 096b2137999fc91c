import type { Messages } from './en'
import { setupJa } from './setup/ja'
import { profilesJa } from './profiles/ja'
import { commonJa } from './common/ja'
import { privacyJa } from './privacy/ja'
import { wizardSayJa } from './wizard-say/ja'
import { vpeJa } from './vpe/ja'
import { prereqGen1Ja } from './prereq-gen1/ja'
import { prereqGen2Ja } from './prereq-gen2/ja'
import { deployGen2Ja } from './deploy-gen2/ja'
import { probeNotesJa } from './probe-notes/ja'
import { cliTestJa } from './cli-test/ja'
import { cliCheckJa } from './cli-check/ja'
import { cliProfilesJa } from './cli-profiles/ja'
import { cliHostkeyJa } from './cli-hostkey/ja'
import { cliSetupJa } from './cli-setup/ja'
import { cliServeJa } from './cli-serve/ja'
import { profileSayJa } from './profile-say/ja'

/** 日本語。用語は IBM Cloud のコンソールとドキュメントに合わせています (UX.md の用語集)。 */
export const ja: Messages = {
  app: {
    title: 'PSE Wizard',
    subtitle: 'IBM Cloud Databases for Redis のプライベート・サービス・エンドポイント',
    skipToContent: 'メイン・コンテンツへ移動',
    sandboxBanner: 'サンドボックスです。IBM Cloud には一切接続しません。デプロイはこのコンピューター上で本物の Redis を使ってエミュレートされます。',
    loading: '読み込んでいます…',
    errorTitle: '問題が発生しました',
    showDetails: '詳細を表示',
    retry: '再試行'
  },
  nav: {
    label: 'メイン・ナビゲーション',
    welcome: 'ようこそ',
    setup: 'セットアップ',
    profiles: '接続プロファイル',
    settings: '設定'
  },
  welcome: {
    title: 'Databases for Redis にプライベートに接続し、確かめましょう',
    lead: 'PSE Wizard は、IBM Cloud アカウントの確認から、プライベート・サービス・エンドポイント経由でアプリケーションが接続できることの確認まで、手順ごとにテストしながら案内します。',
    setup: 'プライベートな Redis 接続をセットアップする',
    setupHint: 'アカウントを確認し、Databases for Redis をデプロイして、プライベート・エンドポイントをテストします。',
    profiles: '接続プロファイルを開く',
    profilesHint: '保存済みの接続をワンクリックでテストします。',
    sandbox: 'サンドボックスで試す (IBM Cloud アカウントは不要です)',
    sandboxHint: 'このコンピューター上のエミュレーターを相手に、すべての手順を体験できます。',
    sandboxButton: 'サンドボックスで再起動する',
    leaveSandbox: 'サンドボックスで実行中です',
    leaveSandboxHint: 'ここでの操作はすべてこのコンピューター上でエミュレートされています。サンドボックスを終了しても、保存済みのプロファイルと設定はそのまま残ります。',
    leaveSandboxButton: 'サンドボックスを終了して再起動する',
    browserRestartHint: 'このサーバーを停止 (Ctrl-C) し、このコマンドで起動し直してください。'
  },
  common: commonJa,
  setup: setupJa,
  profiles: profilesJa,
  privacy: privacyJa,
  wizardSay: wizardSayJa,
  vpe: vpeJa,
  prereqGen1: prereqGen1Ja,
  prereqGen2: prereqGen2Ja,
  deployGen2: deployGen2Ja,
  probeNotes: probeNotesJa,
  cliTest: cliTestJa,
  profileSay: profileSayJa,
  cliProfiles: cliProfilesJa,
  cliCheck: cliCheckJa,
  cliHostkey: cliHostkeyJa,
  cliSetup: cliSetupJa,
  cliServe: cliServeJa,
  settings: {
    title: '設定',
    appearance: '表示',
    ibmCloud: 'IBM Cloud',
    keychain: 'キーチェーン',
    about: 'このアプリについて',
    on: 'オン',
    off: 'オフ',
    cliPath: 'ibmcloud CLI のパス',
    cliPathHelp: '空欄の場合は PATH から ibmcloud を探します。',
    cliPathInvalid: 'ibmcloud プログラムのフルパスを入力するか、空欄にしてください。',
    useCliSession: '自分の ibmcloud CLI のログインを使用する',
    useCliSessionHelp: 'オフ: PSE Wizard は専用の CLI ホームと API キーでログインし、お使いの CLI のログインには一切触れません。オン: ibmcloud でログイン中のアカウントを使用します。',
    privateApiEndpoints: 'IBM Cloud のプライベート API エンドポイントを使用する',
    privateApiEndpointsHelp: 'IBM Cloud のプライベート・ネットワーク (VRF とサービス・エンドポイントが有効な VM、VPN、Direct Link) からのみ到達できます。',
    useSessionSecrets: 'このセッションの間だけシークレットを保持する',
    keychainMode: {
      keychain: 'シークレットは OS のキーチェーンに保管されています',
      session: 'シークレットはこのセッションの間だけ保持されます',
      unavailable: '使用できるキーチェーンがありません'
    },
    lead: '設定はこのコンピューターに保存され、デスクトップ・アプリ、ブラウザー・モード、コマンド・ラインのすべてに適用されます。',
    language: '言語',
    languageSystem: 'システムの設定に合わせる',
    theme: 'テーマ',
    themeSystem: 'システムの設定に合わせる',
    themeLight: 'ライト',
    themeDark: 'ダーク',
    saved: '保存しました',
    dataFolder: 'データ・フォルダー',
    version: 'バージョン',
    transport: '実行モード',
    transportDesktop: 'デスクトップ・アプリ',
    transportBrowser: 'ブラウザー・モード (ループバックのみ)'
  }
}
