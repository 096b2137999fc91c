import { APP_HOST, APP_SCHEME } from './renderer-origin'
import { CONTENT_SECURITY_POLICY } from './csp'
import { readStatic } from './static-files'

/**
 * What `app://pse-wizard/<path>` answers: a file inside the built renderer folder, or nothing.
 * The path goes through the same checks as browser mode's static files (decoded once, no NUL,
 * nothing that resolves outside the folder). Any other host, credentials, or a scheme other
 * than ours get nothing. Pure Node, so it is tested without Electron.
 */
export interface AppResponse {
  status: 200 | 404
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer> | string
}

const headers = (type: string): Record<string, string> => ({
  'Content-Type': type,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store'
})

export async function answerAppRequest(rendererDir: string, requestUrl: string): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: headers('text/plain; charset=utf-8'), body: 'Not found' }
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return notFound
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return notFound
  const file = await readStatic(rendererDir, url.pathname)
  if (!file) return notFound
  return { status: 200, headers: headers(file.type), body: new Uint8Array(file.body) }
}
