import type { Messages } from '../en'

export const profilesJa: Messages['profiles'] = {
  title: '接続プロファイル',
  lead: '保存済みの Databases for Redis への接続です。ワンクリックでテストできます。',
  empty: '接続プロファイルはまだありません。'
}
