/**
 * The keychain entries the wizard keeps (accounts of keychain service `pse-wizard`). Light on
 * purpose: the app reads the API key entry without loading the IBM clients.
 */
export const API_KEY_SECRET = 'ibmcloud/api-key'
export const adminPasswordSecret = (instanceGuid: string) => `wizard/admin-password/${instanceGuid}`
export const keyPasswordSecret = (keyId: string) => `wizard/key-password/${keyId}`
/** Gen 2: a service key's credentials as the create answered them (JSON: user, password, host, port), read once from IBM. */
export const gen2KeySecret = (keyId: string) => `wizard/gen2-key/${keyId}`
