import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Button,
  Dropdown,
  InlineLoading,
  InlineNotification,
  MenuButton,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeader,
  TableRow,
  TableToolbar,
  TableToolbarContent,
  TableToolbarSearch,
  Tag
} from '@carbon/react'
import { Renew } from '@carbon/icons-react'
import type { Profile } from '../../../../shared/schemas/profile'
import type { AppError } from '../../../../shared/errors'
import { isCancelled, toAppError } from '../../api/errors'
import { callsCanBeCancelled } from '../../api/client'
import { ErrorNotice } from '../../components/ErrorNotice'
import { profilesApi, type ImportDraft, type TestResult } from './api'
import { allTags, describePath, endpointType, formatTime, matches } from './describe'
import { rememberResult } from './results-cache'
import { ImportModal, type ImportKind } from './ImportModal'
import { KeychainNotice } from './KeychainNotice'

interface Props {
  onOpen(id: string): void
  onNew(imported?: ImportDraft): void
}

/** Screen 3: every saved profile, searchable, each testable with one click. */
export function ProfileList({ onOpen, onNew }: Props) {
  const { t, i18n } = useTranslation()
  const [profiles, setProfiles] = useState<Profile[]>()
  const [warning, setWarning] = useState<string>()
  const [error, setError] = useState<AppError>()
  const [search, setSearch] = useState('')
  const [tag, setTag] = useState<string | null>(null)
  const [testing, setTesting] = useState<Set<string>>(new Set())
  const [importing, setImporting] = useState<ImportKind | null>(null)
  // One-click tests that can still be stopped (browser mode), and those the user stopped.
  const running = useRef(new Map<string, AbortController>())
  const [cancelled, setCancelled] = useState<Set<string>>(new Set())

  const load = useCallback(async () => {
    try {
      const { profiles, warning } = await profilesApi.list()
      setProfiles(profiles)
      setWarning(warning ?? undefined)
      setError(undefined)
    } catch (e) {
      setError(toAppError(e))
    }
  }, [])
  useEffect(() => void load(), [load])

  const mark = (ids: string[], on: boolean): void =>
    setTesting((prev) => {
      const next = new Set(prev)
      for (const id of ids) on ? next.add(id) : next.delete(id)
      return next
    })

  async function run(ids: string[], test: () => Promise<Array<{ id: string; result: TestResult | null; error?: AppError | null }>>): Promise<void> {
    mark(ids, true)
    try {
      for (const { id, result, error } of await test()) {
        if (result) rememberResult(id, result)
        if (error) setError(error)
      }
    } catch (e) {
      setError(toAppError(e))
    } finally {
      mark(ids, false)
      await load()
    }
  }

  const testOne = (p: Profile) => {
    const controller = new AbortController()
    running.current.set(p.id, controller)
    setCancelled((prev) => without(prev, p.id))
    return run([p.id], async () => {
      try {
        return [{ id: p.id, result: await profilesApi.test(p, undefined, { signal: controller.signal }) }]
      } catch (e) {
        if (!controller.signal.aborted && !isCancelled(e)) throw e
        setCancelled((prev) => new Set(prev).add(p.id))
        return [{ id: p.id, result: null }]
      } finally {
        running.current.delete(p.id)
      }
    })
  }
  const cancelOne = (id: string) => running.current.get(id)?.abort()
  const shown = (profiles ?? []).filter((p) => matches(p, search, tag))
  const testAll = () => {
    const ids = shown.map((p) => p.id)
    return run(ids, () => profilesApi.testAll(ids))
  }
  const tags = allTags(profiles ?? [])

  return (
    <section className="pse-page pse-profiles" aria-labelledby="profiles-title">
      <h1 id="profiles-title" className="pse-page__title">
        {t('profiles.title')}
      </h1>
      <p className="pse-page__lead">{t('profiles.lead')}</p>
      <KeychainNotice />
      {warning && <InlineNotification kind="warning" lowContrast hideCloseButton title={t('profiles.list.storeWarning')} subtitle={warning} />}
      {error && <ErrorNotice error={error} onClose={() => setError(undefined)} action={{ label: t('app.retry'), onClick: () => void load() }} />}

      <TableContainer title={t('profiles.list.tableTitle')} description={t('profiles.list.tableHint')}>
        <TableToolbar aria-label={t('profiles.list.toolbar')}>
          <TableToolbarContent>
            <TableToolbarSearch
              persistent
              placeholder={t('profiles.list.search')}
              labelText={t('profiles.list.search')}
              onChange={(e: '' | React.ChangeEvent<HTMLInputElement>) => setSearch(e === '' ? '' : e.target.value)}
              id="profiles-search"
            />
            {tags.length > 0 && (
              <Dropdown
                id="profiles-tag-filter"
                className="pse-profiles__tag-filter"
                titleText={t('profiles.list.tagFilter')}
                hideLabel
                label={t('profiles.list.allTags')}
                type="inline"
                items={[null, ...tags]}
                itemToString={(item: string | null) => (item === null ? t('profiles.list.allTags') : item)}
                selectedItem={tag}
                onChange={({ selectedItem }: { selectedItem: string | null }) => setTag(selectedItem ?? null)}
              />
            )}
            <Button
              kind="ghost"
              renderIcon={Renew}
              disabled={shown.length === 0 || testing.size > 0}
              onClick={() => void testAll()}
              data-testid="profiles-test-all"
            >
              {t('profiles.list.testAll')}
            </Button>
            <MenuButton label={t('profiles.list.new')} kind="primary" menuAlignment="bottom-end" data-testid="profiles-new">
              <MenuItem label={t('profiles.list.newBlank')} onClick={() => onNew()} />
              <MenuItem label={t('profiles.list.newFromUrl')} onClick={() => setImporting('url')} />
              <MenuItem label={t('profiles.list.newFromServiceKey')} onClick={() => setImporting('service-key')} />
              <MenuItem label={t('profiles.list.newFromFile')} onClick={() => setImporting('file')} />
            </MenuButton>
          </TableToolbarContent>
        </TableToolbar>
        <Table size="md" aria-label={t('profiles.list.tableTitle')} data-testid="profiles-table">
          <TableHead>
            <TableRow>
              <TableHeader>{t('profiles.list.name')}</TableHeader>
              <TableHeader>{t('profiles.list.endpoint')}</TableHeader>
              <TableHeader>{t('profiles.list.host')}</TableHeader>
              <TableHeader>{t('profiles.list.path')}</TableHeader>
              <TableHeader>{t('profiles.list.lastTest')}</TableHeader>
              <TableHeader>
                <span className="cds--visually-hidden">{t('profiles.list.actions')}</span>
              </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((p) => {
              const type = endpointType(p)
              return (
                <TableRow key={p.id} data-profile={p.name}>
                  <TableCell>
                    <Button kind="ghost" size="sm" className="pse-profiles__name" onClick={() => onOpen(p.id)}>
                      {p.name}
                    </Button>
                    {p.tags.map((tg) => (
                      <Tag key={tg} size="sm" type="cool-gray">
                        {tg}
                      </Tag>
                    ))}
                  </TableCell>
                  <TableCell>{type === 'unknown' ? '—' : <Tag type={type === 'private' ? 'purple' : 'blue'}>{t(`profiles.endpoint.${type}`)}</Tag>}</TableCell>
                  <TableCell>
                    <code>
                      {p.host}:{p.port}
                    </code>
                  </TableCell>
                  <TableCell className="pse-profiles__path">{describePath(t, p)}</TableCell>
                  <TableCell data-testid="profile-last-test">
                    {testing.has(p.id) ? (
                      <InlineLoading description={t('profiles.list.testing')} />
                    ) : cancelled.has(p.id) ? (
                      <span className="pse-profiles__when" data-testid="profile-test-cancelled" title={t('profiles.editor.cancelledText')}>
                        {t('common.probe.cancelled.title')}
                      </span>
                    ) : p.lastTest ? (
                      <span className="pse-profiles__last">
                        <span className="pse-profiles__badge">
                          <Tag type={p.lastTest.ok ? 'green' : 'red'} size="sm">
                            {p.lastTest.ok ? t('common.timeline.passed') : t('common.timeline.failed')}
                          </Tag>
                          <span className="pse-profiles__when">{formatTime(p.lastTest.at, i18n.language)}</span>
                        </span>
                        {p.lastTest.code && (
                          <span className="pse-profiles__code" title={p.lastTest.code}>
                            {t(`common.probe.${p.lastTest.code}.title`, { defaultValue: p.lastTest.code })}
                          </span>
                        )}
                      </span>
                    ) : (
                      <span className="pse-profiles__when">{t('profiles.list.never')}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {testing.has(p.id) && callsCanBeCancelled && running.current.has(p.id) ? (
                      <Button kind="ghost" size="sm" className="pse-profiles__test" onClick={() => cancelOne(p.id)} data-testid="profile-test-cancel">
                        {t('profiles.editor.cancelTest')}
                      </Button>
                    ) : (
                      <Button
                        kind="tertiary"
                        size="sm"
                        className="pse-profiles__test"
                        disabled={testing.has(p.id)}
                        onClick={() => void testOne(p)}
                        data-testid="profile-test"
                      >
                        {t('profiles.list.test')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
        {profiles === undefined && !error && <InlineLoading description={t('app.loading')} />}
        {profiles !== undefined && shown.length === 0 && (
          <p className="pse-empty pse-profiles__empty">{profiles.length === 0 ? t('profiles.empty') : t('profiles.list.noMatch')}</p>
        )}
      </TableContainer>
      {importing && (
        <ImportModal
          kind={importing}
          onClose={() => setImporting(null)}
          onImported={(draft) => {
            setImporting(null)
            onNew(draft)
          }}
        />
      )}
    </section>
  )
}

const without = (set: Set<string>, id: string): Set<string> => {
  const next = new Set(set)
  next.delete(id)
  return next
}
