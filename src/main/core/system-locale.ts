import os from 'node:os'

/** The OS locale as POSIX or Intl report it: LC_ALL > LC_MESSAGES > LANG > Intl. */
export function systemLocale(env: NodeJS.ProcessEnv): string {
  const posix = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split('.')[0].split('@')[0]
  if (posix && posix !== 'C' && posix !== 'POSIX') return posix.replace('_', '-')
  return Intl.DateTimeFormat().resolvedOptions().locale || os.platform()
}
