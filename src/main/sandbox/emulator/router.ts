import type { IncomingMessage } from 'node:http'
import type { RouteId } from './faults'
import type { ErrorFamily, Reply } from './http'
import type { Emulator } from './server'

export interface RouteContext {
  emu: Emulator
  req: IncomingMessage
  params: Record<string, string>
  query: URLSearchParams
  body: string
}

export interface Route {
  id: RouteId
  method: string
  /** Path segments; ':name' captures one (URL-decoded) segment. */
  path: string[]
  /** 'bearer' = a token the emulator issued and that has not expired; 'control' = the sandbox control token. */
  auth: 'none' | 'bearer' | 'control'
  family: ErrorFamily
  handle(ctx: RouteContext): Promise<Reply>
}

export type RouteTable = Route[]

/** Matches decoded segments against a route's pattern. */
export function match(route: Route, method: string, segments: string[]): Record<string, string> | undefined {
  if (route.method !== method || route.path.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const p = route.path[i]
    if (p.startsWith(':')) params[p.slice(1)] = segments[i]
    else if (p !== segments[i]) return undefined
  }
  return params
}
