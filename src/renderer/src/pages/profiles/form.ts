import type { Draft, FieldKey } from './draft'

/** What every editor section receives: the draft, a setter, and the error to show per input. */
export interface SectionProps {
  draft: Draft
  update(patch: Partial<Draft>): void
  /** The translated error for an input, once the user touched it or tried to save. */
  error(key: FieldKey): string | undefined
  touch(key: FieldKey): void
}

/** Carbon's invalid / invalidText pair for one input. */
export function invalidProps(p: SectionProps, key: FieldKey): { invalid: boolean; invalidText?: string; onBlur(): void } {
  const text = p.error(key)
  return { invalid: text !== undefined, invalidText: text, onBlur: () => p.touch(key) }
}
