import { setupEn } from './setup/en'
import { profilesEn } from './profiles/en'
import { commonEn } from './common/en'
import { privacyEn } from './privacy/en'
import { wizardSayEn } from './wizard-say/en'
import { vpeEn } from './vpe/en'
import { prereqGen1En } from './prereq-gen1/en'
import { prereqGen2En } from './prereq-gen2/en'
import { deployGen2En } from './deploy-gen2/en'
import { probeNotesEn } from './probe-notes/en'
import { cliTestEn } from './cli-test/en'
import { cliCheckEn } from './cli-check/en'
import { cliProfilesEn } from './cli-profiles/en'
import { cliHostkeyEn } from './cli-hostkey/en'
import { cliSetupEn } from './cli-setup/en'
import { cliServeEn } from './cli-serve/en'
import { profileSayEn } from './profile-say/en'

/** English strings. Japanese in ja.ts must have exactly the same keys (the compiler checks). */
export const en = {
  app: {
    title: 'PSE Wizard',
    subtitle: 'Private service endpoints for IBM Cloud Databases for Redis',
    skipToContent: 'Skip to main content',
    sandboxBanner: 'Sandbox: nothing here touches IBM Cloud. Deployments are emulated on this computer with a real Redis.',
    loading: 'Loading…',
    errorTitle: 'Something went wrong',
    showDetails: 'Show details',
    retry: 'Try again'
  },
  nav: {
    label: 'Main navigation',
    welcome: 'Welcome',
    setup: 'Setup',
    profiles: 'Connection profiles',
    settings: 'Settings'
  },
  welcome: {
    title: 'Reach Databases for Redis privately, and prove it',
    lead: 'PSE Wizard takes you from an IBM Cloud account to an application connected through a private service endpoint, tested step by step.',
    setup: 'Set up a private Redis connection',
    setupHint: 'Check your account, deploy Databases for Redis and test the private endpoint.',
    profiles: 'Open my connection profiles',
    profilesHint: 'Test a saved connection with one click.',
    sandbox: 'Try the sandbox (no IBM Cloud account needed)',
    sandboxHint: 'Walk through the whole journey against an emulator on this computer.',
    sandboxButton: 'Restart in the sandbox',
    leaveSandbox: 'You are in the sandbox',
    leaveSandboxHint: 'Everything here is emulated on this computer. Your saved profiles and settings are kept when you leave.',
    leaveSandboxButton: 'Restart without the sandbox',
    browserRestartHint: 'stop this server (Ctrl-C) and start it again with this command.'
  },
  common: commonEn,
  setup: setupEn,
  profiles: profilesEn,
  privacy: privacyEn,
  wizardSay: wizardSayEn,
  vpe: vpeEn,
  prereqGen1: prereqGen1En,
  prereqGen2: prereqGen2En,
  deployGen2: deployGen2En,
  probeNotes: probeNotesEn,
  cliTest: cliTestEn,
  profileSay: profileSayEn,
  cliProfiles: cliProfilesEn,
  cliCheck: cliCheckEn,
  cliHostkey: cliHostkeyEn,
  cliSetup: cliSetupEn,
  cliServe: cliServeEn,
  settings: {
    title: 'Settings',
    appearance: 'Appearance',
    ibmCloud: 'IBM Cloud',
    keychain: 'Keychain',
    about: 'About this app',
    on: 'On',
    off: 'Off',
    cliPath: 'ibmcloud CLI path',
    cliPathHelp: 'Leave empty to find ibmcloud on your PATH.',
    cliPathInvalid: 'Enter the full path of the ibmcloud program, or leave it empty.',
    useCliSession: 'Use my own ibmcloud CLI login',
    useCliSessionHelp: 'Off: PSE Wizard signs in with its own isolated CLI home and your API key, and never touches your CLI login. On: it uses the account you are logged in to with ibmcloud.',
    privateApiEndpoints: 'Use IBM Cloud private API endpoints',
    privateApiEndpointsHelp: 'Only reachable from IBM Cloud’s private network (a VM with VRF and service endpoints, VPN or Direct Link).',
    useSessionSecrets: 'Keep secrets for this session only',
    keychainMode: {
      keychain: 'Secrets are kept in your OS keychain',
      session: 'Secrets are kept for this session only',
      unavailable: 'No keychain is available'
    },
    lead: 'Settings are saved on this computer and apply to the desktop app, browser mode and the command line.',
    language: 'Language',
    languageSystem: 'Same as the system',
    theme: 'Theme',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    saved: 'Saved',
    dataFolder: 'Data folder',
    version: 'Version',
    transport: 'Running as',
    transportDesktop: 'Desktop app',
    transportBrowser: 'Browser mode (loopback only)'
  }
}

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type Messages = Widen<typeof en>
