/** An in-memory keychain (keytar's shape): the bench needs no Secret Service. */
export interface MemoryKeychain {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export function memoryKeychain(): MemoryKeychain {
  const items = new Map<string, string>()
  const key = (s: string, a: string) => `${s}\u0000${a}`
  return {
    getPassword: async (s, a) => items.get(key(s, a)) ?? null,
    setPassword: async (s, a, p) => void items.set(key(s, a), p),
    deletePassword: async (s, a) => items.delete(key(s, a))
  }
}
