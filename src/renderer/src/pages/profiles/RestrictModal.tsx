import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { Button, InlineNotification, Modal, RadioButton, RadioButtonGroup, TextArea } from '@carbon/react'
import type { AppError } from '../../../../shared/errors'
import type { Profile } from '../../../../shared/schemas/profile'
import type { RestrictionMechanism, RestrictResult } from '../../../../shared/schemas/restrictions'
import { call, toAppError } from '../../api/client'
import type { Translate } from '../../../../shared/privacy/words'
import { restrictFailureText, restrictSummaryText } from '../../../../shared/restrict-words'
import { CliEquivalent } from '../../components/CliEquivalent'
import { ErrorNotice } from '../../components/ErrorNotice'
import { RestrictVpcs, useSuggestedVpcs } from './RestrictVpcs'

/** Whether a profile names the IBM Cloud instance it was made from (only then can it be restricted). */
export const canRestrict = (p: Profile): boolean => p.origin.kind === 'ibmcloud' && Boolean(p.origin.crn)

const entriesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * "Restrict access": the networks that may connect to the profile's instance. Preview shows the
 * rule in words and the ibmcloud commands; Apply makes it, checks the profile still connects,
 * and puts it back (saying what is missing) when it would not.
 */
export function RestrictModal({ profile, open, onClose }: { profile: Profile; open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const gen1 = profile.origin.kind === 'ibmcloud' && profile.origin.generation === 'gen1'
  const [text, setText] = useState('')
  const [mechanism, setMechanism] = useState<RestrictionMechanism>('cbr')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<RestrictResult | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const source = useSourceAddress(profile.id)
  const suggested = useSuggestedVpcs(profile.id)
  const [unchecked, setUnchecked] = useState<string[]>([])
  // Every VPC with a VPE gateway to the instance is offered checked; the allowlist takes no VPC.
  const vpcs = mechanism === 'cbr' ? suggested.map((v) => v.crn).filter((c) => !unchecked.includes(c)) : []
  const nothingNamed = entriesOf(text).length + vpcs.length === 0

  const run = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      setResult(await call('restrictions.apply', { profileId: profile.id, addresses: entriesOf(text), vpcs, mechanism, dryRun }))
    } catch (e) {
      setResult(null)
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }
  const applied = result && result.outcome !== 'planned'
  return (
    <Modal
      open={open}
      size="md"
      modalHeading={t('profiles.restrict.title', { name: profile.name })}
      primaryButtonText={result?.outcome === 'planned' ? t('profiles.restrict.apply') : t('profiles.restrict.preview')}
      secondaryButtonText={applied ? t('profiles.restrict.close') : t('profiles.cancel')}
      primaryButtonDisabled={busy || nothingNamed || Boolean(applied)}
      onRequestClose={onClose}
      onRequestSubmit={() => void run(result?.outcome !== 'planned')}
      data-testid="restrict-modal"
    >
      <p className="pse-modal__lead">{t('profiles.restrict.lead')}</p>
      <TextArea
        id="restrict-addresses"
        labelText={t('profiles.restrict.addresses')}
        helperText={t('profiles.restrict.addressesHint')}
        rows={3}
        value={text}
        disabled={busy}
        onChange={(e) => {
          setText(e.target.value)
          setResult(null)
        }}
      />
      {source && !entriesOf(text).includes(source) && (
        <p className="pse-restrict__suggest" data-testid="restrict-suggest">
          {t('profiles.restrict.suggest', { address: source })}{' '}
          <Button
            kind="ghost"
            size="sm"
            disabled={busy}
            onClick={() => {
              setText((old) => (old.trim() ? `${old.trimEnd()}\n${source}` : source))
              setResult(null)
            }}
          >
            {t('profiles.restrict.suggestAdd', { address: source })}
          </Button>
        </p>
      )}
      {mechanism === 'cbr' && (
        <RestrictVpcs
          vpcs={suggested}
          chosen={vpcs}
          disabled={busy}
          gen2={!gen1}
          onChange={(chosen) => {
            setUnchecked(suggested.map((v) => v.crn).filter((c) => !chosen.includes(c)))
            setResult(null)
          }}
        />
      )}
      {gen1 && (
        <RadioButtonGroup
          className="pse-restrict__mechanism"
          legendText={t('profiles.restrict.mechanism')}
          name="restrict-mechanism"
          valueSelected={mechanism}
          onChange={(v) => {
            setMechanism(v as RestrictionMechanism)
            setResult(null)
          }}
        >
          <RadioButton id="restrict-cbr" value="cbr" labelText={t('profiles.restrict.cbr')} />
          <RadioButton id="restrict-allowlist" value="allowlist" labelText={t('profiles.restrict.allowlist')} />
        </RadioButtonGroup>
      )}
      {error && (
        <ErrorNotice error={inLanguage(error, t)} title={t(`profiles.restrict.errors.${error.code}`, { defaultValue: t('profiles.restrict.failed') })} />
      )}
      {result && <RestrictOutcome result={result} name={profile.name} />}
    </Modal>
  )
}

/** The address this computer reaches the profile's endpoint from, to suggest (null through a bastion or pod). */
function useSourceAddress(profileId: string): string | null {
  const [address, setAddress] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    call('restrictions.sourceAddress', { profileId }).then(
      (r) => live && setAddress(r.address),
      () => live && setAddress(null)
    )
    return () => {
      live = false
    }
  }, [profileId])
  return address
}

/** The failure's message in the UI's language, from its code and parameters (main's English when the code is not one of these). */
function inLanguage(error: AppError, t: TFunction): AppError {
  return { ...error, message: restrictFailureText(t as unknown as Translate, error) }
}

function RestrictOutcome({ result, name }: { result: RestrictResult; name: string }) {
  const { t } = useTranslation()
  const summary = restrictSummaryText(t as unknown as Translate, result, name)
  const kind = result.outcome === 'planned' ? 'info' : 'success'
  return (
    <div data-testid="restrict-outcome" data-outcome={result.outcome}>
      <InlineNotification kind={kind} lowContrast hideCloseButton title={t(`profiles.restrict.outcome.${result.outcome}`)} subtitle={summary} />
      {result.sourceAddress && <p className="pse-modal__lead">{t('profiles.restrict.source', { address: result.sourceAddress })}</p>}
      <CliEquivalent commands={result.cliEquivalents} />
    </div>
  )
}
