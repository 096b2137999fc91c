/**
 * The only places the app may open in the user's browser: IBM Cloud's console and docs, and
 * the tools the seed article uses. Anything else is refused.
 */
const ALLOWED_ORIGINS = new Set(['https://cloud.ibm.com', 'https://www.ibm.com', 'https://github.com'])
const ALLOWED_GITHUB_PATHS = ['/IBM-Cloud/redli', '/IBM-Cloud/ibm-cloud-cli-release']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  if (!ALLOWED_ORIGINS.has(url.origin)) return false
  if (url.origin === 'https://github.com') return ALLOWED_GITHUB_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))
  return true
}
