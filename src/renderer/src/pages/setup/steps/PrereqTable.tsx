import { useTranslation } from 'react-i18next'
import { CodeSnippet, Link, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import type { MessageRef, PrereqItem } from '../../../../../shared/schemas/ibmcloud'

const GEN2_ITEMS = new Set<PrereqItem['id']>(['gen2_catalog', 'vpc', 'subnet', 'iam_roles'])

/** The checked items: result, detail and what to do, in the UI's language where main sent a catalogue text. */
export function PrereqTable({ items }: { items: PrereqItem[] }) {
  const { t } = useTranslation()
  const say = (ref: MessageRef | undefined, english: string | undefined) => (ref ? t(ref.key, { ...ref.params, defaultValue: english ?? '' }) : english)
  const label = (i: PrereqItem) => (GEN2_ITEMS.has(i.id) ? t(`prereqGen2.items.${i.id}`, { defaultValue: i.label }) : t(`setup.prereq.items.${i.id}`, { defaultValue: i.label }))
  return (
    <Table size="md" useZebraStyles={false} className="pse-setup__prereq" aria-label={t('setup.prereq.title')} data-testid="prereq-table">
      <TableHead>
        <TableRow>
          <TableHeader>{t('setup.prereq.columns.item')}</TableHeader>
          <TableHeader>{t('setup.prereq.columns.result')}</TableHeader>
          <TableHeader>{t('setup.prereq.columns.detail')}</TableHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((i) => {
          const detail = say(i.text?.detail, i.detail)
          const advice = say(i.text?.advice, i.advice)
          return (
            <TableRow key={i.id} data-item={i.id} data-ok={String(i.ok)}>
              <TableCell>{label(i)}</TableCell>
              <TableCell>
                <Tag type={i.ok ? 'green' : i.ok === false ? 'red' : 'gray'} size="md">
                  {i.ok ? t('setup.prereq.ok') : i.ok === false ? t('setup.prereq.fail') : t('setup.prereq.unknown')}
                </Tag>
              </TableCell>
              <TableCell>
                <div className="pse-setup__detail">
                  {detail && <div data-testid="prereq-detail">{detail}</div>}
                  {i.ok !== true && advice && (
                    <div className="pse-setup__advice" data-testid="prereq-advice">
                      {advice}
                    </div>
                  )}
                  {i.ok !== true && i.command && (
                    // A long command (Gen 2's `ibmcloud target … && ibmcloud is …`) wraps instead of being cut off.
                    <CodeSnippet type={i.command.length > 48 ? 'multi' : 'single'} wrapText feedback={t('common.copied')} aria-label={t('common.copy')} data-testid="prereq-command">
                      {i.command}
                    </CodeSnippet>
                  )}
                  {i.ok !== true && i.link && (
                    <Link href={i.link} target="_blank" rel="noreferrer" size="sm">
                      {GEN2_ITEMS.has(i.id) ? t('prereqGen2.openConsole') : t('setup.prereq.docs')}
                    </Link>
                  )}
                </div>
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
