import { useTranslation } from 'react-i18next'
import { CodeSnippet, Link, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import type { PrereqItem } from '../../../../../shared/schemas/ibmcloud'
import { prereqLinkText, prereqResult, prereqWords } from '../../../../../shared/prereq-words'
import type { Translate } from '../../../../../shared/i18n/probe-notes/render'

/**
 * The checked items: result, detail and what to do, in the UI's language where main sent a
 * catalogue text: the same words as `pse-wizard check` prints (shared/prereq-words).
 */
export function PrereqTable({ items }: { items: PrereqItem[] }) {
  const { t } = useTranslation()
  const words: Translate = (key, options) => String(t(key, options as never))
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
          const { label, detail, advice } = prereqWords(words, i)
          return (
            <TableRow key={i.id} data-item={i.id} data-ok={String(i.ok)}>
              <TableCell>{label}</TableCell>
              <TableCell>
                <Tag type={i.ok ? 'green' : i.ok === false ? 'red' : 'gray'} size="md">
                  {prereqResult(words, i)}
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
                    <CodeSnippet
                      type={i.command.length > 48 ? 'multi' : 'single'}
                      wrapText
                      feedback={t('common.copied')}
                      aria-label={t('common.copy')}
                      data-testid="prereq-command"
                    >
                      {i.command}
                    </CodeSnippet>
                  )}
                  {i.ok !== true && i.link && (
                    <Link href={i.link} target="_blank" rel="noreferrer" size="sm">
                      {prereqLinkText(words, i)}
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
