/**
 * Node built-ins that only some calls use and that cost every command's start when imported at
 * the top of a module: `node:crypto` brings a dozen of Node's own modules (about a fifth of a
 * bare `node -e 0`). Each is loaded on its first use; `process.getBuiltinModule` is synchronous.
 */
export const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto')
