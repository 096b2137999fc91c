import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, CodeSnippet, InlineNotification, Link, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import { Renew } from '@carbon/icons-react'
import { call } from '../../../api/client'
import type { PrereqItem } from '../../../../../shared/schemas/ibmcloud'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'

/** Step 2: VRF, service endpoints, CLI and plugin, each with what to do when missing. */
export function PrerequisitesStep({ state, run, busy }: StepProps) {
  const { t, i18n } = useTranslation()
  const report = state.prerequisites
  const started = useRef(false)
  const check = () => void run('prerequisites', () => call('wizard.checkPrerequisites', {}))

  // Checking only reads the account: do it as soon as the step opens.
  useEffect(() => {
    if (started.current || report || busy || state.steps.prerequisites.status !== 'ready') return
    started.current = true
    check()
  })

  const item = (id: PrereqItem['id']) => report?.items.find((i) => i.id === id)
  const vrfOff = item('vrf')?.ok === false
  const endpointsOff = !vrfOff && item('service_endpoint')?.ok === false

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="prerequisites" title={t('setup.prereq.title')} lead={t('setup.prereq.lead')} />

      {vrfOff && report && (
        <div className="pse-setup__panel pse-setup__panel--blocked" data-testid="vrf-disabled">
          <InlineNotification kind="error" lowContrast hideCloseButton title={t('setup.prereq.vrf.title')} subtitle={t('setup.prereq.vrf.body')} />
          <p className="pse-setup__text">{t('setup.prereq.vrf.steps')}</p>
          {report.supportCaseText && (
            <>
              <p className="cds--label">{t('setup.prereq.vrf.caseText')}</p>
              <CodeSnippet type="multi" wrapText feedback={t('common.copied')} aria-label={t('setup.prereq.vrf.caseTextCopy')} copyButtonDescription={t('setup.prereq.vrf.caseTextCopy')} data-testid="support-case-text">
                {report.supportCaseText}
              </CodeSnippet>
            </>
          )}
          <Link href={report.docsLink} target="_blank" rel="noreferrer">
            {t('setup.prereq.docs')}
          </Link>
        </div>
      )}

      {endpointsOff && (
        <div className="pse-setup__panel" data-testid="service-endpoints-disabled">
          <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.prereq.serviceEndpoints.title')} subtitle={t('setup.prereq.serviceEndpoints.body')} />
          <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')}>
            {item('service_endpoint')?.command ?? 'ibmcloud account update --service-endpoint-enable true'}
          </CodeSnippet>
        </div>
      )}

      {report?.ok && <InlineNotification kind="success" lowContrast hideCloseButton title={t('setup.prereq.allOk')} />}

      <div className="pse-setup__actions">
        <Button kind={report?.ok ? 'tertiary' : 'primary'} renderIcon={Renew} disabled={busy || state.steps.account.status !== 'done'} onClick={check} data-testid="prereq-check">
          {report ? t('setup.prereq.recheck') : t('setup.prereq.check')}
        </Button>
        <span className="pse-setup__meta">
          {report ? t('setup.prereq.checkedAt', { time: new Date(report.checkedAt).toLocaleString(i18n.language) }) : t('setup.prereq.notChecked')}
        </span>
      </div>

      {report && (
        <Table size="md" useZebraStyles={false} className="pse-setup__prereq" aria-label={t('setup.prereq.title')} data-testid="prereq-table">
          <TableHead>
            <TableRow>
              <TableHeader>{t('setup.prereq.columns.item')}</TableHeader>
              <TableHeader>{t('setup.prereq.columns.result')}</TableHeader>
              <TableHeader>{t('setup.prereq.columns.detail')}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.items.map((i) => (
              <TableRow key={i.id} data-item={i.id} data-ok={String(i.ok)}>
                <TableCell>{t(`setup.prereq.items.${i.id}`, { defaultValue: i.label })}</TableCell>
                <TableCell>
                  <Tag type={i.ok ? 'green' : i.ok === false ? 'red' : 'gray'} size="md">
                    {i.ok ? t('setup.prereq.ok') : i.ok === false ? t('setup.prereq.fail') : t('setup.prereq.unknown')}
                  </Tag>
                </TableCell>
                <TableCell>
                  <div className="pse-setup__detail">
                  {i.detail && <div>{i.detail}</div>}
                  {i.ok !== true && i.advice && <div className="pse-setup__advice">{i.advice}</div>}
                  {i.ok !== true && i.command && (
                    <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')}>
                      {i.command}
                    </CodeSnippet>
                  )}
                  {i.ok !== true && i.link && (
                    <Link href={i.link} target="_blank" rel="noreferrer" size="sm">
                      {t('setup.prereq.docs')}
                    </Link>
                  )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  )
}
