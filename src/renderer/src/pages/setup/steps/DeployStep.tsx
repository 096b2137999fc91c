import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { InlineLoading, InlineNotification, RadioButton, RadioButtonGroup } from '@carbon/react'
import { call, toAppError } from '../../../api/client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import type { AppError } from '../../../../../shared/errors'
import type { DeployForm, WizardOptions } from '../../../../../shared/schemas/wizard'
import { checkDraft, type DeployDraft, type DraftField } from '../deploy-form'
import { initialDraft, refreshDraft, switchGeneration } from '../deploy-defaults'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { DeployCreateForm } from './DeployCreateForm'
import { DeployAdoptPanel } from './DeployAdoptPanel'
import { DeploySummary } from './DeploySummary'
import { DeployGenerationChoice } from './DeployGenerationChoice'

/** Step 3: the seed's create form (every option, validated) with a billed-summary to confirm, or adopt an instance. */
export function DeployStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const [options, setOptions] = useState<WizardOptions | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [region, setRegion] = useState<string | undefined>(undefined)
  const [draft, setDraft] = useState<DeployDraft | null>(null)
  const [mode, setMode] = useState<'create' | 'adopt'>(state.deploy?.mode ?? 'create')
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({})
  const [review, setReview] = useState<DeployForm | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [adoptId, setAdoptId] = useState<string>('')

  useEffect(() => {
    setLoadError(null)
    call('wizard.options', region ? { region } : {}).then(
      (o) => {
        setOptions(o)
        setDraft((d) => (d ? refreshDraft(d, o) : initialDraft(o)))
      },
      (e) => setLoadError(toAppError(e))
    )
  }, [region])

  if (loadError) return <ErrorNotice error={loadError} title={t('setup.errors.fallback')} />
  if (!options || !draft) return <InlineLoading description={t('setup.deploy.loadingOptions')} />

  const { form, problems } = checkDraft(draft)
  const invalid = (f: DraftField) => Boolean((touched[f] || showAll) && problems[f])
  // Each problem is a catalogue key (the schema's rules and deployFormProblems), worded in the UI's language.
  const invalidText = (f: DraftField) => t(problems[f] ?? `setup.deploy.invalid.${f}`)
  const update = (next: DeployDraft, f: DraftField) => {
    setDraft(next)
    setTouched({ ...touched, [f]: true })
  }
  const set = (f: DraftField, value: string) => {
    update({ ...draft, [f]: value }, f)
    if (f === 'region') setRegion(value)
  }

  const create = () => {
    if (!review) return
    void run('deploy', () => call('wizard.deploy', { mode: 'create', form: review, confirm: true }))
  }

  if (review) return <DeploySummary form={review} options={options} busy={busy} onCreate={create} onEdit={() => setReview(null)} />

  const onReview = () => {
    setShowAll(true)
    if (form) setReview(form)
  }

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="deploy" title={t('setup.deploy.title')} lead={t('setup.deploy.lead')} />
      {state.instance && (
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title={state.instance.name}
          subtitle={`${state.instance.region} · ${state.instance.state}`}
        />
      )}
      <DeployGenerationChoice options={options} value={draft.generation} disabled={busy} onChange={(g) => update(switchGeneration(draft, g, options), 'generation')} />
      <RadioButtonGroup
        legendText={t('setup.deploy.modeLegend')}
        name="deploy-mode"
        valueSelected={mode}
        onChange={(v) => setMode(v as 'create' | 'adopt')}
        disabled={busy}
      >
        <RadioButton id="deploy-create" value="create" labelText={t('setup.deploy.mode.create')} />
        <RadioButton id="deploy-adopt" value="adopt" labelText={t('setup.deploy.mode.adopt')} />
      </RadioButtonGroup>

      {mode === 'create' ? (
        <DeployCreateForm
          draft={draft}
          options={options}
          invalid={invalid}
          invalidText={invalidText}
          set={set}
          update={update}
          busy={busy}
          form={form}
          showAll={showAll}
          onReview={onReview}
        />
      ) : (
        <DeployAdoptPanel
          options={options}
          generation={draft.generation}
          busy={busy}
          adoptId={adoptId}
          setAdoptId={setAdoptId}
          onAdopt={(instanceId, vpc) => void run('deploy', () => call('wizard.deploy', { mode: 'adopt', instanceId, ...vpc }))}
        />
      )}
    </section>
  )
}
