import type { z } from 'zod'

/** One call the UI can make: its input and output schemas. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
  /** One line for humans: what the call does. */
  readonly summary: string
}

export const call = <I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): CallSpec<I, O> => ({
  summary,
  input,
  output
})
