import type { TestResult } from './api'

/** The last full test result per profile in this session (the store keeps only a summary). */
const last = new Map<string, TestResult>()

export const rememberResult = (id: string, result: TestResult): void => void last.set(id, result)
export const lastResult = (id: string): TestResult | undefined => last.get(id)
export const forgetResult = (id: string): void => void last.delete(id)
