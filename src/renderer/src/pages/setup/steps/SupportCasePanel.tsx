import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Modal, Tag } from '@carbon/react'
import { Send } from '@carbon/icons-react'
import { call } from '../../../api/client'
import type { WizardPrerequisites, WizardState } from '../../../../../shared/schemas/wizard'

const STATUS_COLOR: Record<string, 'blue' | 'purple' | 'green' | 'gray' | 'magenta'> = {
  new: 'blue',
  in_progress: 'purple',
  waiting_on_client: 'magenta',
  resolution_provided: 'green',
  resolved: 'green',
  closed: 'gray'
}

/**
 * VRF off: the support case. Before it is opened, a button and a dialog showing exactly the
 * subject and text PSE Wizard sends (Case Management opens it only after "Open the case"); once
 * opened, its number and status as last read (each re-check reads them again).
 */
export function SupportCasePanel({
  report,
  busy,
  run
}: {
  report: WizardPrerequisites
  busy: boolean
  run: (work: () => Promise<WizardState>) => Promise<WizardState | undefined>
}) {
  const { t, i18n } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const supportCase = report.supportCase
  if (supportCase) {
    const when = (iso: string) => new Date(iso).toLocaleString(i18n.language)
    return (
      <div className="pse-setup__panel" data-testid="support-case" data-case-status={supportCase.status}>
        <p className="cds--label">{t('setup.prereq.case.openedTitle')}</p>
        <p className="pse-setup__text">
          <strong data-testid="support-case-number">{supportCase.number}</strong>{' '}
          <Tag type={STATUS_COLOR[supportCase.status] ?? 'gray'} size="md" data-testid="support-case-status">
            {t(`setup.prereq.case.status.${supportCase.status}`, { defaultValue: supportCase.status })}
          </Tag>
        </p>
        <p className="pse-setup__meta">{t('setup.prereq.case.times', { opened: when(supportCase.openedAt), checked: when(supportCase.checkedAt) })}</p>
        <p className="pse-setup__text">
          {t(supportCase.status === 'resolved' || supportCase.status === 'closed' ? 'setup.prereq.case.resolvedBody' : 'setup.prereq.case.openBody')}
        </p>
      </div>
    )
  }
  if (!report.supportCaseText || !report.supportCaseSubject) return null
  const open = () => {
    setConfirming(false)
    void run(() => call('wizard.openSupportCase', { confirm: true }))
  }
  return (
    <>
      <Button kind="primary" renderIcon={Send} disabled={busy} onClick={() => setConfirming(true)} data-testid="support-case-open">
        {t('setup.prereq.case.open')}
      </Button>
      <Modal
        open={confirming}
        size="md"
        modalHeading={t('setup.prereq.case.confirmTitle')}
        primaryButtonText={t('setup.prereq.case.confirm')}
        secondaryButtonText={t('setup.prereq.case.cancel')}
        onRequestClose={() => setConfirming(false)}
        onRequestSubmit={open}
        data-testid="support-case-confirm"
      >
        <p className="pse-setup__text">{t('setup.prereq.case.confirmLead')}</p>
        <p className="cds--label pse-setup__case-label">{t('setup.prereq.case.subject')}</p>
        <pre className="pse-setup__case-text" data-testid="support-case-confirm-subject">
          {report.supportCaseSubject}
        </pre>
        <p className="cds--label pse-setup__case-label">{t('setup.prereq.case.description')}</p>
        <pre className="pse-setup__case-text" data-testid="support-case-confirm-text">
          {report.supportCaseText}
        </pre>
        <p className="pse-setup__meta pse-setup__case-label">{t('setup.prereq.case.confirmNote')}</p>
      </Modal>
    </>
  )
}
