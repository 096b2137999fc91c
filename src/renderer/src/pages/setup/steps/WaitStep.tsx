import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, ProgressBar, TextInput } from '@carbon/react'
import { TrashCan } from '@carbon/icons-react'
import { call } from '../../../api/client'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'

const pad = (n: number) => String(n).padStart(2, '0')
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  return h > 0 ? `${h}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`
}

/** Step 4: the provisioning wait, in the service's own words; closing the app is fine. */
export function WaitStep({ state, run }: StepProps) {
  const { t } = useTranslation()
  const p = state.provisioning
  const step = state.steps.wait
  const waiting = step.status === 'running'
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [waiting])

  const end = waiting ? now : Date.parse(p?.updatedAt ?? '') || now
  const elapsed = p ? formatElapsed(end - Date.parse(p.startedAt)) : '0:00'
  const status = p?.phase === 'failed' || step.status === 'failed' ? 'error' : p?.phase === 'ready' || step.status === 'done' ? 'finished' : 'active'
  const percent = status === 'finished' ? 100 : p?.percent
  // A hiccup in the UI's language from its code; else main's notice as it is.
  const hiccup = p?.noticeCode ? t('setup.wait.hiccup', { code: p.noticeCode, what: t(`setup.errors.${p.noticeCode}`, { defaultValue: t('setup.wait.noticeTitle') }) }) : (p?.notice ?? undefined)

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="wait" title={t('setup.wait.title')} lead={t('setup.wait.lead')} />
      {state.instance && (
        <p className="pse-setup__text">
          <strong>{t('setup.wait.instance')}:</strong> {state.instance.name} ({state.instance.region})
        </p>
      )}
      <div className="pse-setup__progressbar" data-testid="provisioning" data-phase={p?.phase ?? 'none'} data-percent={percent ?? ''}>
        <ProgressBar
          label={p ? t(`setup.wait.phase.${p.phase}`) : t('setup.wait.progress')}
          helperText={p?.noticeCode ? hiccup : p?.text ? t('setup.wait.ibmSays', { text: p.text }) : t('setup.wait.noPercent')}
          value={percent ?? undefined}
          max={100}
          status={status}
        />
        <p className="pse-setup__meta" data-testid="elapsed">
          {t('setup.wait.elapsed', { time: elapsed })}
          {percent !== null && percent !== undefined ? ` · ${Math.round(percent)}%` : ''}
        </p>
      </div>
      {p?.notice && (
        <div data-testid="wait-notice">
          <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.wait.noticeTitle')} subtitle={hiccup ?? p.notice} />
        </div>
      )}
      {waiting && <InlineNotification kind="info" lowContrast hideCloseButton title={t('setup.wait.canClose')} subtitle={t('setup.wait.cancelHint')} />}
      {step.status === 'done' && <InlineNotification kind="success" lowContrast hideCloseButton title={t('setup.wait.ready')} />}
      {p?.phase === 'stopped' && step.status !== 'running' && (
        <div data-testid="wait-stopped">
          <InlineNotification kind="info" lowContrast hideCloseButton title={t('setup.wait.stopped')} />
        </div>
      )}
      <div className="pse-setup__actions">
        {waiting && (
          <Button kind="secondary" onClick={() => void call('wizard.cancel', {})} data-testid="wait-cancel">
            {t('setup.wait.cancel')}
          </Button>
        )}
        {!waiting && step.status !== 'done' && (
          <Button kind={p?.phase === 'failed' ? 'tertiary' : 'primary'} onClick={() => void run('wait', () => call('wizard.resume', {}))} data-testid="wait-resume">
            {p?.phase === 'failed' ? t('setup.wait.checkAgain') : t('setup.wait.resume')}
          </Button>
        )}
      </div>
      {p?.phase === 'failed' && state.instance && !waiting && <DeleteInstance instanceId={state.instance.id} name={state.instance.name} run={run} />}
    </section>
  )
}

/** Deleting is permanent: the user types the instance's exact name first. */
function DeleteInstance({ instanceId, name, run }: { instanceId: string; name: string; run: StepProps['run'] }) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  return (
    <section className="pse-setup__panel pse-setup__panel--blocked" aria-labelledby="delete-title" data-testid="delete-instance">
      <h3 id="delete-title" className="pse-setup__subtitle">
        {t('setup.wait.delete.title')}
      </h3>
      <p className="pse-setup__text">{t('setup.wait.delete.body')}</p>
      <div className="pse-setup__field">
        <TextInput id="delete-name" labelText={t('setup.wait.delete.typeName', { name })} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
      </div>
      <div className="pse-setup__actions">
        <Button kind="danger" renderIcon={TrashCan} disabled={typed !== name} onClick={() => void run('wait', () => call('wizard.deleteInstance', { instanceId, typedName: typed }))} data-testid="delete-instance-button">
          {t('setup.wait.delete.button')}
        </Button>
      </div>
    </section>
  )
}
