import type { z } from 'zod'

/**
 * The contract's building blocks, made so that a call costs only its own schemas: each schema
 * module is imported, and each call's zod schemas built, on the first call that needs them
 * (building every schema of the app costs about 30 ms, which a command that makes one call
 * should not pay). See contract.ts for how they are used.
 */

/** Thrown by a schema module that is not loaded yet; `CallSpec.load()` loads it and tries again. */
class SchemaModuleNotLoaded {
  constructor(readonly module: SchemaModule<object>) {}
}

/**
 * A module of `./schemas/*`, imported on first use: `profile()` is the module once loaded
 * (inside a call's schema list). Outside of `call()`/`event()` use `load()`.
 */
export interface SchemaModule<M extends object> {
  (): M
  load(): Promise<M>
}

export function schemaModule<M extends object>(importModule: () => Promise<M>): SchemaModule<M> {
  let loaded: M | undefined
  let pending: Promise<M> | undefined
  const get = (() => {
    if (loaded === undefined) throw new SchemaModuleNotLoaded(get as SchemaModule<object>)
    return loaded
  }) as SchemaModule<M>
  get.load = () =>
    (pending ??= importModule().then(
      (m) => (loaded = m),
      (e: unknown) => {
        pending = undefined
        throw e
      }
    ))
  return get
}

/**
 * Runs `build` (which names schemas of modules through `module()`) until every module it names is
 * loaded; the result is kept, so each schema is built once. `tryNow()` builds it without waiting
 * when its modules are already loaded (undefined otherwise).
 */
function builtOnFirstUse<T>(build: () => T): { get(): Promise<T>; tryNow(): T | undefined } {
  let value: { built: T } | undefined
  const tryNow = (): T | undefined => {
    if (value) return value.built
    try {
      value = { built: build() }
      return value.built
    } catch (e) {
      if (e instanceof SchemaModuleNotLoaded) return undefined
      throw e
    }
  }
  return {
    tryNow,
    async get() {
      for (;;) {
        if (value) return value.built
        try {
          value = { built: build() }
        } catch (e) {
          if (!(e instanceof SchemaModuleNotLoaded)) throw e
          await e.module.load()
        }
      }
    }
  }
}

/** One call the UI can make: a summary for humans, its input and output schemas built on first use. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line for humans: what the call does. */
  readonly summary: string
  /** The call's schemas (its schema modules imported first, if they are not yet). */
  schemas(): Promise<{ readonly input: I; readonly output: O }>
}

export const call = <I extends z.ZodType, O extends z.ZodType>(summary: string, schemas: () => readonly [input: I, output: O]): CallSpec<I, O> => {
  const built = builtOnFirstUse(() => {
    const [input, output] = schemas()
    return { input, output }
  })
  return { summary, schemas: built.get }
}

/** One event main pushes: its payload schema, built on first use. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  schema(): Promise<P>
  /** The schema when its modules are loaded already, else undefined (then use schema()). */
  schemaNow(): P | undefined
}

export const event = <P extends z.ZodType>(schema: () => P): EventSpec<P> => {
  const built = builtOnFirstUse(schema)
  return { schema: built.get, schemaNow: built.tryNow }
}

export type InputSchemaOf<S> = S extends CallSpec<infer I, z.ZodType> ? I : never
export type OutputSchemaOf<S> = S extends CallSpec<z.ZodType, infer O> ? O : never
export type PayloadSchemaOf<S> = S extends EventSpec<infer P> ? P : never
