import { useEffect, useState } from 'react'

export type Route = 'welcome' | 'setup' | 'profiles' | 'settings'
const routes: Route[] = ['welcome', 'setup', 'profiles', 'settings']

const parse = (hash: string): Route => {
  const name = hash.replace(/^#\/?/, '').split('/')[0]
  return (routes as string[]).includes(name) ? (name as Route) : 'welcome'
}

/** Hash routes work the same from file:// (desktop) and from the loopback server. */
export function useHashRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parse(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return [route, (r) => (window.location.hash = `#/${r}`)]
}
