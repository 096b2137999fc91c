import { useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineLoading, ProgressIndicator, ProgressStep } from '@carbon/react'
import { ArrowLeft, ArrowRight } from '@carbon/icons-react'
import { call } from '../../api/client'
import { CliEquivalent } from '../../components/CliEquivalent'
import { ErrorNotice } from '../../components/ErrorNotice'
import { wizardSteps, type WizardStepId } from '../../../../shared/schemas/wizard'
import type { AppError } from '../../../../shared/errors'
import { nextOf, previousOf, reachable } from './navigation'
import { useWizard } from './use-wizard'
import type { StepProps } from './step-props'
import { AccountStep } from './steps/AccountStep'
import { PrerequisitesStep } from './steps/PrerequisitesStep'
import { DeployStep } from './steps/DeployStep'
import { WaitStep } from './steps/WaitStep'
import { PasswordStep } from './steps/PasswordStep'
import { ConnectionStep } from './steps/ConnectionStep'
import { ServiceKeyStep } from './steps/ServiceKeyStep'
import { TestStep } from './steps/TestStep'
import { SaveStep } from './steps/SaveStep'

const screens: Record<WizardStepId, ComponentType<StepProps>> = {
  account: AccountStep,
  prerequisites: PrerequisitesStep,
  deploy: DeployStep,
  wait: WaitStep,
  password: PasswordStep,
  connection: ConnectionStep,
  serviceKey: ServiceKeyStep,
  test: TestStep,
  save: SaveStep
}

/** Gen 2 names two steps differently: there is no admin password, and step 7 makes the application's key. */
const GEN2_STEP_LABELS: Partial<Record<WizardStepId, string>> = { password: 'setup.credentials.step', serviceKey: 'setup.appKey.step' }

/** Errors a step explains on its own screen (with its own next action). */
const explainedByStep = new Set(['wizard_vrf_disabled', 'wizard_service_endpoints_disabled', 'wizard_private_unreachable', 'wizard_vpc_missing', 'wizard_gen2_not_offered'])

/**
 * The setup wizard (UX.md screen 2): the nine steps down the side, the current step's screen,
 * Back / Next below, and the step's CLI equivalent. Main owns the state; this only shows it.
 */
export function SetupWizard() {
  const { t } = useTranslation()
  const wizard = useWizard()
  const [pinned, setPinned] = useState<WizardStepId | null>(null)
  const [calling, setCalling] = useState(false)

  if (wizard.loadError) return <ErrorNotice error={wizard.loadError} />
  if (!wizard.state) return <InlineLoading description={t('setup.loading')} />
  const state = wizard.state
  // After the user runs a step, main moves on; the step stays on screen until Next so its result can be read.
  const view = pinned ?? state.current
  const busy = state.busy || calling
  const next = nextOf(state, view)
  const previous = previousOf(state, view)

  const run: StepProps['run'] = async (step, work) => {
    setCalling(true)
    const after = await wizard.perform(work).finally(() => setCalling(false))
    setPinned(after && after.steps[step].status === 'done' && after.current !== step && step !== 'deploy' && step !== 'wait' ? step : null)
    return after
  }

  const goTo = async (step: WizardStepId) => {
    setPinned(null)
    if (step === state.current) return
    setCalling(true)
    await wizard.perform(() => call('wizard.goTo', { step })).finally(() => setCalling(false))
  }

  const errorTitle = (code: string) => t(`setup.errors.${code}`, { defaultValue: t('setup.errors.fallback') })
  // Causes with a fixed wording are shown in the UI's language; others keep main's own sentence.
  // A failure that names its message (params.say) is worded from its facts; else by its code; else main's sentence.
  const localized = (error: AppError): AppError => {
    const say = error.params?.say
    const byCode = t(`setup.causes.${error.code}`, { defaultValue: error.message })
    return { ...error, message: typeof say === 'string' ? t(`wizardSay.${say}`, { ...error.params, defaultValue: byCode }) : byCode }
  }
  // The instance's generation once there is one; before that, what the deploy form or step 2 chose.
  const generation = state.instance?.generation ?? state.deploy?.form?.generation ?? state.prerequisites?.generation
  const gen2StepLabels = generation === 'gen2' ? GEN2_STEP_LABELS : {}
  const stepError = state.steps[view].error
  const Screen = screens[view]
  const commands = state.cli[view]

  return (
    <div className="pse-setup" data-testid="setup-wizard" data-step={view} data-status={state.steps[view].status} data-busy={String(busy)}>
      <nav className="pse-setup__progress" aria-label={t('setup.progressLabel')}>
        <ProgressIndicator vertical currentIndex={wizardSteps.indexOf(view)} onChange={(i: number) => void goTo(wizardSteps[i])}>
          {wizardSteps.map((step) => (
            <ProgressStep
              key={step}
              label={t(gen2StepLabels[step] ?? `setup.steps.${step}`)}
              secondaryLabel={t(`setup.status.${state.steps[step].status}`)}
              complete={state.steps[step].status === 'done'}
              invalid={state.steps[step].status === 'failed' || state.steps[step].status === 'blocked'}
              disabled={busy || !reachable(state, step)}
              translateWithId={(id: string) => t(`setup.progressStep.${id.split('.').pop()}`, { defaultValue: id })}
            />
          ))}
        </ProgressIndicator>
      </nav>

      <div className="pse-setup__main">
        <p className="pse-setup__count">{t('setup.stepOf', { n: wizardSteps.indexOf(view) + 1 })}</p>
        {wizard.callError && (
          <ErrorNotice error={localized(wizard.callError)} title={errorTitle(wizard.callError.code)} onClose={wizard.clearCallError} />
        )}
        {stepError && !explainedByStep.has(stepError.code) && (
          <ErrorNotice error={localized(stepError)} title={errorTitle(stepError.code)} />
        )}

        <Screen key={view} state={state} run={run} busy={busy} />

        {commands.length > 0 && (
          <CliEquivalent
            commands={commands.map((c) => `# ${t([`setup.cli.${c.id}`, `setup.cliGen2Keys.${c.id}`, `prereqGen2.cli.${c.id}`], { defaultValue: c.label })}\n${c.command}`)}
            hint={view === 'deploy' && !state.deploy ? t('setup.cliHintExample') : t('setup.cliHint')}
          />
        )}

        <div className="pse-setup__nav">
          <Button kind="secondary" renderIcon={ArrowLeft} disabled={busy || !previous || !reachable(state, previous)} onClick={() => previous && void goTo(previous)} data-testid="wizard-back">
            {t('setup.nav.back')}
          </Button>
          {busy && <InlineLoading className="pse-setup__working" description={t('setup.nav.working')} />}
          <Button
            kind="primary"
            renderIcon={ArrowRight}
            disabled={busy || !next || !reachable(state, next) || (state.steps[view].status !== 'done' && view !== 'test')}
            onClick={() => next && void goTo(next)}
            data-testid="wizard-next"
          >
            {t('setup.nav.next')}
          </Button>
        </div>
      </div>
    </div>
  )
}

