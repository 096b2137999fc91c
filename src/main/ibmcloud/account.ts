import type { AccountInfo } from '../../shared/schemas/ibmcloud'
import { isAppFailure } from '../../shared/errors'
import { log } from '../logging/log'
import { AccountBody, ApiKeyDetails } from './api-shapes'
import type { IbmCloudClient } from './client'
import { toAppFailure } from './errors'
import { decodeAccessToken } from './iam'
import { abortable, type RequestOptions } from './request'

/**
 * Validates the API key: gets a token (a bad key fails here with ibm_api_key_invalid), reads the
 * account id from it, then the key's name and the account's name when the key may read them.
 */
export async function validateApiKey(client: IbmCloudClient, options: RequestOptions = {}): Promise<AccountInfo> {
  let token: string
  try {
    token = await abortable(client.auth.accessToken(), options.signal)
  } catch (e) {
    throw toAppFailure(e, { op: 'signIn' })
  }
  const claims = decodeAccessToken(token)
  const info: AccountInfo = { accountId: claims.accountId, ...(claims.iamId ? { iamId: claims.iamId } : {}), ...(claims.email ? { email: claims.email } : {}) }
  const apiKey = client.auth.apiKey?.()
  const details = apiKey
    ? await optional('read the API key details', () =>
        client.requester.run({ op: 'readApiKeyDetails' }, ApiKeyDetails, () => client.iamIdentity.getApiKeysDetails({ iamApiKey: apiKey }), options)
      )
    : undefined
  if (details?.name) info.apiKeyName = details.name
  const account = await optional('read the account name', () =>
    client.requester.run({ op: 'readAccountName' }, AccountBody, () => client.accountManagement.getAccount({ accountId: claims.accountId }), options)
  )
  if (account?.name) info.accountName = account.name
  return info
}

/** Extra facts must not fail validation of a good key; cancellation still propagates. */
async function optional<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run()
  } catch (e) {
    if (isAppFailure(e) && e.code === 'cancelled') throw e
    log.info(`could not ${what}: ${(e as Error).message}`)
    return undefined
  }
}
