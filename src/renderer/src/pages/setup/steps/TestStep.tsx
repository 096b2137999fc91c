import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, Tag } from '@carbon/react'
import { call } from '../../../api/client'
import { ProbeTimeline } from '../../../components/ProbeTimeline'
import type { ProbeResult } from '../../../../../shared/schemas/probe'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { diagnosisWhy } from '../../profiles/DiagnosisPanel'

/** Step 8: public then private, each as a phase timeline; outside the private network, say so plainly. */
export function TestStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const { public: pub, private: priv, privateUnreachable } = state.tests
  const tested = pub !== null || priv !== null
  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="test" title={t('setup.test.title')} lead={t('setup.test.lead')} />
      <div className="pse-setup__actions">
        <Button
          kind={state.steps.test.status === 'done' ? 'tertiary' : 'primary'}
          disabled={busy}
          onClick={() => void run('test', () => call('wizard.test', {}))}
          data-testid="test-run"
        >
          {tested ? t('setup.test.rerun') : t('setup.test.run')}
        </Button>
      </div>
      {state.steps.test.status === 'done' && <InlineNotification kind="success" lowContrast hideCloseButton title={t(state.connections.public ? 'setup.test.passed' : 'setup.test.passedPrivate')} />}
      {state.connections.public && <Result id="public" title={t('setup.test.public')} result={pub} />}
      <Result id="private" title={t('setup.test.private')} result={priv} />
      {privateUnreachable && (
        <div className="pse-setup__panel" data-testid="private-unreachable" data-code={privateUnreachable.code}>
          <InlineNotification
            kind="warning"
            lowContrast
            hideCloseButton
            title={t('setup.test.unreachable.title')}
            subtitle={t('setup.test.unreachable.body')}
          />
          {priv?.diagnosis && (
            <div className="pse-setup__diagnosis" data-testid="private-diagnosis" data-case={priv.diagnosis.case}>
              <h4 className="pse-setup__subtitle">{t('setup.test.unreachable.diagnosis')}</h4>
              <p>
                <strong>{t(`profiles.diagnosis.${priv.diagnosis.case}`)}</strong>
              </p>
              <p className="pse-setup__hint">{diagnosisWhy(t, priv.diagnosis, priv.target.host)}</p>
            </div>
          )}
          <ul className="pse-setup__paths">
            {privateUnreachable.options.map((o) => (
              <li key={o.kind} data-testid={`unreachable-option-${o.kind}`} data-available={o.available}>
                <strong>{t(`setup.test.unreachable.options.${o.kind}.label`)}</strong>{' '}
                <Tag type={o.available ? 'green' : 'gray'}>{o.available ? t('setup.test.unreachable.available') : t('setup.test.unreachable.manual')}</Tag>
                <p className="pse-setup__hint">{t(`setup.test.unreachable.options.${o.kind}.detail`)}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function Result({ id, title, result }: { id: string; title: string; result: ProbeResult | null }) {
  const { t } = useTranslation()
  return (
    <section className="pse-setup__test" aria-label={title} data-testid={`test-${id}`}>
      <h3 className="pse-setup__subtitle">{title}</h3>
      {result ? <ProbeTimeline result={result} id={`wizard-${id}`} /> : <p className="pse-setup__hint">{t('setup.test.notRun')}</p>}
    </section>
  )
}
