import { AppFailure } from '../../shared/errors'
import { checkPassword, generatePassword } from '../ibmcloud/password-rules'
import type { IbmWizardServicesOptions } from './ibm-services'
import { privatePathOptions, wizardSay } from './messages'
import type { WizardCloudServices, WizardServices, WizardVpcServices } from './services'

/**
 * The wizard's port onto the real modules, built cheaply: the password rules, the keychain and
 * the profile store answer at once, and the IBM Cloud part (SDK clients, CLI runner, probe) is
 * loaded with import() and built the first time a call needs it. A failed load is tried again
 * on the next call.
 */
export function wizardServices(o: IbmWizardServicesOptions, loadCloud: () => Promise<WizardCloudServices> = () => loadIbmCloudServices(o)): WizardServices {
  let cloud: Promise<WizardCloudServices> | undefined
  const ibm = (): Promise<WizardCloudServices> => {
    if (!cloud) {
      cloud = loadCloud()
      cloud.catch(() => (cloud = undefined))
    }
    return cloud
  }

  return {
    sandbox: o.sandbox,

    accountChoices: async () => (await ibm()).accountChoices(),
    signIn: async (input, signal) => (await ibm()).signIn(input, signal),
    restoreSession: async (source, signal) => (await ibm()).restoreSession(source, signal),
    checkPrerequisites: async (signal, target) => (await ibm()).checkPrerequisites(signal, target),
    openSupportCase: async (request, signal) => (await ibm()).openSupportCase(request, signal),
    readSupportCase: async (caseNumber, signal) => (await ibm()).readSupportCase(caseNumber, signal),

    listRegions: async (signal) => (await ibm()).listRegions(signal),
    listResourceGroups: async (signal) => (await ibm()).listResourceGroups(signal),
    listVersions: async (region, signal) => (await ibm()).listVersions(region, signal),
    listInstances: async (signal) => (await ibm()).listInstances(signal),
    getInstance: async (id, signal) => (await ibm()).getInstance(id, signal),

    createOrAdopt: async (req, signal, onProgress) => (await ibm()).createOrAdopt(req, signal, onProgress),
    waitUntilReady: async (id, signal, onProgress) => (await ibm()).waitUntilReady(id, signal, onProgress),
    deleteInstance: async (id, signal) => (await ibm()).deleteInstance(id, signal),
    listGen2Regions: async (signal) => (await ibm()).listGen2Regions(signal),
    listVpcSummaries: async (region, signal) => (await ibm()).listVpcSummaries(region, signal),
    createOrAdoptGen2: async (req, signal, onProgress) => (await ibm()).createOrAdoptGen2(req, signal, onProgress),
    waitUntilGen2Ready: async (id, signal, onProgress) => (await ibm()).waitUntilGen2Ready(id, signal, onProgress),

    checkPassword: (password) => checkPassword(password, 'admin'),
    generatePassword: () => generatePassword(32),
    setAdminPassword: async (crn, password, signal) => (await ibm()).setAdminPassword(crn, password, signal),
    connectionInfo: async (crn, endpoint, signal) => (await ibm()).connectionInfo(crn, endpoint, signal),
    ensurePrivateServiceKey: async (instance, name, signal) => (await ibm()).ensurePrivateServiceKey(instance, name, signal),
    findGen2Key: async (instance, name, signal) => (await ibm()).findGen2Key(instance, name, signal),
    createGen2Key: async (instance, name, role, signal) => (await ibm()).createGen2Key(instance, name, role, signal),

    vpc: lazyVpc(ibm, o.pollIntervalMs),

    probe: async (target, signal) => (await ibm()).probe(target, signal),
    privatePathOptions,

    async saveProfile(draft) {
      if (!o.saveProfile) throw new AppFailure({ code: 'not_ready', ...wizardSay.profileSavingUnavailable() })
      return o.saveProfile(draft)
    },

    secrets: {
      get: (name) => o.vault.get(name),
      set: (name, value) => o.vault.set(name, value),
      delete: (name) => o.vault.delete(name)
    }
  }
}

async function loadIbmCloudServices(o: IbmWizardServicesOptions): Promise<WizardCloudServices> {
  const { ibmCloudServices } = await import('./ibm-services')
  return ibmCloudServices(o)
}

/** The VPC port, each call on the IBM part once it is loaded. */
function lazyVpc(ibm: () => Promise<WizardCloudServices>, hiccupDelayMs: number | undefined): WizardVpcServices {
  const vpc = async () => (await ibm()).vpc
  return {
    ...(hiccupDelayMs !== undefined ? { hiccupDelayMs } : {}),
    gen2Connection: async (crn, signal) => (await vpc()).gen2Connection(crn, signal),
    subnets: async (region, vpcId, signal) => (await vpc()).subnets(region, vpcId, signal),
    securityGroups: async (region, vpcId, signal) => (await vpc()).securityGroups(region, vpcId, signal),
    ensureSecurityGroup: async (region, request, signal) => (await vpc()).ensureSecurityGroup(region, request, signal),
    findGateway: async (region, vpcId, crn, signal) => (await vpc()).findGateway(region, vpcId, crn, signal),
    createGateway: async (region, request, signal) => (await vpc()).createGateway(region, request, signal),
    deleteGateway: async (region, gateway, signal) => (await vpc()).deleteGateway(region, gateway, signal),
    waitForGateway: async (region, id, signal, onProgress) => (await vpc()).waitForGateway(region, id, signal, onProgress)
  }
}
