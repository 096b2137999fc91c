import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, CodeSnippet, InlineNotification, Link } from '@carbon/react'
import { Renew } from '@carbon/icons-react'
import { call } from '../../../api/client'
import type { PrereqItem } from '../../../../../shared/schemas/ibmcloud'
import type { WizardPrerequisites } from '../../../../../shared/schemas/wizard'
import type { StepProps } from '../step-props'
import { PrereqTable } from './PrereqTable'
import { PrereqTargetPicker, type PrereqTarget } from './PrereqTargetPicker'
import { StepHeader } from './StepHeader'
import { SupportCasePanel } from './SupportCasePanel'

/** Step 2: Gen 1 (VRF, service endpoints, CLI and plugin) or Gen 2 in a region (VPC, subnet, Gen 2 deployment, IAM roles), each with what to do when missing. */
export function PrerequisitesStep({ state, run, busy }: StepProps) {
  const { t, i18n } = useTranslation()
  const report = state.prerequisites
  const started = useRef(false)
  const [target, setTarget] = useState<PrereqTarget>({ generation: report?.generation ?? 'gen1', region: report?.region ?? 'us-south' })
  const check = () =>
    void run('prerequisites', () =>
      call('wizard.checkPrerequisites', target.generation === 'gen2' ? { generation: 'gen2', region: target.region } : { generation: 'gen1' })
    )

  // Checking only reads the account: do it as soon as the step opens.
  useEffect(() => {
    if (started.current || report || busy || state.steps.prerequisites.status !== 'ready') return
    started.current = true
    check()
  })

  const shown = report && report.generation === target.generation && (target.generation === 'gen1' || report.region === target.region) ? report : null
  const gen2 = target.generation === 'gen2'

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="prerequisites" title={t('setup.prereq.title')} lead={gen2 ? t('prereqGen2.lead') : t('setup.prereq.lead')} />
      <PrereqTargetPicker target={target} onChange={setTarget} disabled={busy} />

      {shown?.generation === 'gen1' && <Gen1Panels report={shown} busy={busy} run={(work) => run('prerequisites', work)} />}
      {shown?.generation === 'gen2' && <Gen2Panels report={shown} errorCode={state.steps.prerequisites.error?.code} />}

      <div className="pse-setup__actions">
        <Button
          kind={shown?.ok ? 'tertiary' : 'primary'}
          renderIcon={Renew}
          disabled={busy || state.steps.account.status !== 'done'}
          onClick={check}
          data-testid="prereq-check"
        >
          {shown ? t('setup.prereq.recheck') : t('setup.prereq.check')}
        </Button>
        <span className="pse-setup__meta">
          {shown ? t('setup.prereq.checkedAt', { time: new Date(shown.checkedAt).toLocaleString(i18n.language) }) : t('setup.prereq.notChecked')}
        </span>
      </div>

      {shown && <PrereqTable items={shown.items} />}
    </section>
  )
}

const item = (report: WizardPrerequisites, id: PrereqItem['id']) => report.items.find((i) => i.id === id)

/** Gen 1: VRF off (the support case: opened here after a confirmation, or its text to copy), service endpoints off (the command), or all ready. */
function Gen1Panels({ report, busy, run }: { report: WizardPrerequisites } & Pick<Parameters<typeof SupportCasePanel>[0], 'busy' | 'run'>) {
  const { t } = useTranslation()
  const vrfOff = item(report, 'vrf')?.ok === false
  const endpointsOff = !vrfOff && item(report, 'service_endpoint')?.ok === false
  return (
    <>
      {vrfOff && (
        <div className="pse-setup__panel pse-setup__panel--blocked" data-testid="vrf-disabled">
          <InlineNotification kind="error" lowContrast hideCloseButton title={t('setup.prereq.vrf.title')} subtitle={t('setup.prereq.vrf.body')} />
          {!report.supportCase && <p className="pse-setup__text">{t('setup.prereq.case.offer')}</p>}
          <SupportCasePanel report={report} busy={busy} run={run} />
          {!report.supportCase && <p className="pse-setup__text">{t('setup.prereq.vrf.steps')}</p>}
          {!report.supportCase && report.supportCaseText && (
            <>
              <p className="cds--label">{t('setup.prereq.vrf.caseText')}</p>
              <CodeSnippet
                type="multi"
                wrapText
                feedback={t('common.copied')}
                aria-label={t('setup.prereq.vrf.caseTextCopy')}
                copyButtonDescription={t('setup.prereq.vrf.caseTextCopy')}
                data-testid="support-case-text"
              >
                {report.supportCaseText}
              </CodeSnippet>
            </>
          )}
          <Link href={report.docsLink} target="_blank" rel="noreferrer">
            {t('setup.prereq.docs')}
          </Link>
        </div>
      )}

      {!vrfOff && report.supportCase && <SupportCasePanel report={report} busy={busy} run={run} />}

      {endpointsOff && (
        <div className="pse-setup__panel" data-testid="service-endpoints-disabled">
          <InlineNotification
            kind="warning"
            lowContrast
            hideCloseButton
            title={t('setup.prereq.serviceEndpoints.title')}
            subtitle={t('setup.prereq.serviceEndpoints.body')}
          />
          <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')}>
            {item(report, 'service_endpoint')?.command ?? 'ibmcloud account update --service-endpoint-enable true'}
          </CodeSnippet>
        </div>
      )}

      {report.ok && <InlineNotification kind="success" lowContrast hideCloseButton title={t('setup.prereq.allOk')} />}
    </>
  )
}

/** Gen 2: no VPC / subnet, or no Gen 2 in the region (the step is blocked); else nothing missing, with what could not be read ahead. */
function Gen2Panels({ report, errorCode }: { report: WizardPrerequisites; errorCode: string | undefined }) {
  const { t } = useTranslation()
  const region = report.region ?? ''
  if (errorCode === 'wizard_vpc_missing' || errorCode === 'wizard_gen2_not_offered') {
    const vpc = errorCode === 'wizard_vpc_missing'
    return (
      <div className="pse-setup__panel pse-setup__panel--blocked" data-testid={vpc ? 'gen2-vpc-missing' : 'gen2-not-offered'}>
        <InlineNotification
          kind="error"
          lowContrast
          hideCloseButton
          title={t(vpc ? 'prereqGen2.blocked.vpcTitle' : 'prereqGen2.blocked.notOfferedTitle', { region })}
          subtitle={t(vpc ? 'prereqGen2.blocked.vpcBody' : 'prereqGen2.blocked.notOfferedBody')}
        />
      </div>
    )
  }
  if (report.ok) return <InlineNotification kind="success" lowContrast hideCloseButton title={t('setup.prereq.allOk')} />
  if (report.items.every((i) => i.ok !== false))
    return <InlineNotification kind="info" lowContrast hideCloseButton title={t('prereqGen2.readyWithUnknown', { region })} data-testid="gen2-ready" />
  return null
}
