import type { AppError } from '../shared/errors'
import type { Translate } from '../shared/i18n/probe-notes/render'
import { saidText } from '../shared/said-text'
import type { WizardState, WizardStepId } from '../shared/schemas/wizard'
import type { ProgressLine } from './headless-setup'

/** Gen 2 names steps 5 and 7 for what they do there (as the app's step list does). */
const GEN2_STEP_KEYS: Partial<Record<WizardStepId, string>> = { password: 'setup.credentials.step', serviceKey: 'setup.appKey.step' }

/** A step's name in the user's language, as the app's step list shows it. */
export const stepName = (t: Translate, step: WizardStepId, gen2: boolean): string => t((gen2 && GEN2_STEP_KEYS[step]) || `setup.steps.${step}`)

/** A failure in the user's language: worded from its facts (params.say), else main's sentence. */
export const failureText = (t: Translate, error: Pick<AppError, 'message' | 'params'>): string => saidText(t, error)

/** One progress line for people, in the language of `t`. */
export function progressText(t: Translate, l: ProgressLine, gen2: boolean): string {
  const status = t(`cliSetup.status.${l.status}`, { defaultValue: l.status })
  const head = t('cliSetup.line', { index: l.index, step: stepName(t, l.step, gen2), status })
  const pct = l.percent !== undefined && l.percent !== null ? t('cliSetup.percent', { percent: l.percent }) : ''
  const text = l.noticeCode
    ? ` ${t('setup.wait.hiccup', { code: l.noticeCode, what: t(`setup.errors.${l.noticeCode}`, { defaultValue: t('setup.wait.noticeTitle') }) })}`
    : l.text
      ? t('cliSetup.ibmSays', { text: l.text })
      : ''
  const time = l.elapsedMs !== undefined ? t('cliSetup.elapsed', { seconds: Math.round(l.elapsedMs / 1000) }) : ''
  const err = l.error ? `\n      ${t('cliSetup.error', { code: l.error.code, message: failureText(t, l.error) })}` : ''
  return `${head}${pct}${text}${time}${err}`
}

/** The closing lines of a setup that saved its profiles. */
export function doneText(t: Translate, s: WizardState): string {
  return [
    '',
    t('cliSetup.done', { name: s.instance?.name ?? '' }),
    t('cliSetup.privateProfile', { id: s.saved?.privateProfileId ?? '' }),
    ...(s.saved?.publicProfileId ? [t('cliSetup.publicProfile', { id: s.saved.publicProfileId })] : []),
    t('cliSetup.testAgain', { id: s.saved?.privateProfileId ?? '' })
  ].join('\n')
}

/** Where the setup stopped and why, what this computer can do when the private endpoint is out of reach, and how to resume. */
export function stoppedText(t: Translate, state: WizardState, error: AppError, gen2: boolean): string {
  const unreachable = state.tests.privateUnreachable
  const options = (unreachable?.options ?? []).map((o) =>
    t('cliSetup.option', {
      label: t(`setup.test.unreachable.options.${o.kind}.label`, { defaultValue: o.label }),
      detail: t(`setup.test.unreachable.options.${o.kind}.detail`, { defaultValue: o.detail })
    })
  )
  return [
    '',
    t('cliSetup.stoppedAt', { step: stepName(t, state.current, gen2), code: error.code }),
    failureText(t, error),
    ...(error.detail ? [t('cliSetup.detail', { detail: error.detail })] : []),
    ...options,
    t('cliSetup.resume')
  ].join('\n')
}

/** `[restrict] …` lines of the restriction after the setup. */
export const restrictLine = (t: Translate, text: string): string => `[${t('cliSetup.restrictLabel')}] ${text}`
