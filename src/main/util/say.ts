/**
 * Messages as data: each user-facing sentence is an English function of the facts it names,
 * under a stable id. A "sayer" returns that English sentence as a failure's `message` plus its
 * facts and the id (`params.say`), so a front end words the same facts in its own language from
 * the shared catalogue (src/shared/said-text.ts). The logic never builds a sentence itself.
 */
export type Facts = Record<string, string | number | boolean>

/** The facts a message was made of, as a failure's params carry them (lists joined, nothing null). */
export function facts(p: unknown): Facts {
  const out: Facts = {}
  for (const [k, v] of Object.entries((p ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v
    else if (Array.isArray(v)) out[k] = v.join(' ')
  }
  return out
}

/** Each message takes its own facts (any: the parameter types differ per message). */
type Messages = Record<string, (p: any) => string>
export type Said<Say extends string> = { message: string; params: Facts & { say: Say } }
export type Sayers<M extends Messages, Say extends string> = { [K in keyof M]: (...args: Parameters<M[K]>) => Said<Say> }

/**
 * One sayer per message. `namespace` is the catalogue section the texts live in
 * (`profileSay` → params.say = "profileSay.notFoundById"); without it the id alone (the wizard's).
 */
export function sayers<M extends Messages, Say extends string = string>(messages: M, namespace?: string): Sayers<M, Say> {
  return Object.fromEntries(
    Object.entries(messages).map(([id, say]) => [
      id,
      (p?: unknown) => ({ message: (say as (q?: unknown) => string)(p), params: { ...facts(p), say: namespace ? `${namespace}.${id}` : id } })
    ])
  ) as unknown as Sayers<M, Say>
}
