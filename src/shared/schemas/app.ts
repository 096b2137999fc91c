import { z } from 'zod'

export const Language = z.enum(['en', 'ja'])
export type Language = z.infer<typeof Language>

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** 'desktop' (Electron IPC) or 'browser' (loopback HTTP). */
  transport: z.enum(['desktop', 'browser']),
  sandbox: z.boolean(),
  dataDir: z.string(),
  /** The operating system's preferred locale, e.g. 'ja-JP'. */
  systemLocale: z.string()
})
export type AppInfo = z.infer<typeof AppInfo>

export const Settings = z.object({
  /** 'system' follows the OS locale. */
  language: z.enum(['system', 'en', 'ja']),
  /** 'system' follows the OS colour scheme. */
  theme: z.enum(['system', 'light', 'dark']),
  /** Path of the `ibmcloud` CLI; empty means "find it on PATH". Run as a program, so absolute only. */
  ibmcloudCliPath: z
    .string()
    .max(4096)
    .refine((v) => !v.includes('\0'), 'must not contain NUL characters')
    .refine((v) => v === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v), 'must be an absolute path, or empty to find ibmcloud on PATH'),
  /** Use the user's own `ibmcloud` login instead of the app's isolated one. */
  useCliSession: z.boolean(),
  /** Call IBM Cloud's private API endpoints (only reachable from IBM Cloud's private network). */
  privateApiEndpoints: z.boolean()
})
export type Settings = z.infer<typeof Settings>

export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  ibmcloudCliPath: '',
  useCliSession: false,
  privateApiEndpoints: false
}
