/**
 * Which pages are ours in the desktop window: exactly one origin, compared whole (scheme, host
 * and port), never by prefix. `http://localhost:5173` must not accept
 * `http://localhost:5173.evil.example`, `http://localhost:51730` or `http://localhost:5173@evil.example`.
 * Pure, so it is unit-tested without Electron.
 */

/** The custom scheme the packaged renderer is served from (Electron security checklist item 18). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'pse-wizard'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * `scheme://host[:port]`, lower-cased, or undefined when the URL does not parse, has no host,
 * or carries credentials. Built by hand because Node's URL gives `origin: "null"` for a
 * scheme it does not know (such as `app:`), while Chromium treats a registered standard scheme
 * like http.
 */
export function originOf(raw: string): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (!url.host || url.username || url.password) return undefined
  return `${url.protocol}//${url.host}`.toLowerCase()
}

/** The origin of our page: the dev server's (development only) or app://pse-wizard. */
export function ownOrigin(devServerUrl: string | undefined): string {
  if (devServerUrl === undefined) return APP_ORIGIN
  const origin = originOf(devServerUrl)
  if (!origin || !/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)) {
    throw new Error(`ELECTRON_RENDERER_URL must be a loopback http URL, got "${devServerUrl}"`)
  }
  return origin
}

/** A URL is ours when its origin is exactly our origin. */
export const isOwnUrl = (url: string, own: string): boolean => originOf(url) === own
