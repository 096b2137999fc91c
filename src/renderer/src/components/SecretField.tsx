import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification } from '@carbon/react'
import { Copy, View, ViewOff } from '@carbon/icons-react'
import { toAppError } from '../api/errors'

export interface SecretFieldProps {
  id: string
  label: string
  /** Fetches the secret; called only when the user clicks Reveal or Copy. */
  reveal?: () => Promise<string>
  /** A secret the renderer already holds (e.g. one the user just typed or generated). */
  value?: string
  /** False: nothing stored, so nothing to reveal. */
  isSet?: boolean
  helperText?: string
}

const MASK = '••••••••••••'

/**
 * A secret shown as a mask. Reveal and Copy are explicit clicks; the value is fetched at that
 * moment and forgotten again when hidden or when the component goes away.
 */
export function SecretField({ id, label, reveal, value, isSet = true, helperText }: SecretFieldProps) {
  const { t } = useTranslation()
  const [shown, setShown] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<string>()

  useEffect(() => setShown(undefined), [value, reveal])
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])

  async function fetchSecret(): Promise<string | undefined> {
    if (value !== undefined) return value
    if (!reveal) return undefined
    setBusy(true)
    setError(undefined)
    try {
      return await reveal()
    } catch (e) {
      setError(toAppError(e).message)
      return undefined
    } finally {
      setBusy(false)
    }
  }

  async function toggle(): Promise<void> {
    if (shown !== undefined) return setShown(undefined)
    const secret = await fetchSecret()
    if (secret !== undefined) setShown(secret)
  }

  async function copy(): Promise<void> {
    const secret = shown ?? (await fetchSecret())
    if (secret === undefined) return
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      setError(t('common.copyFailed'))
    }
  }

  const available = isSet && (value !== undefined || reveal !== undefined)
  return (
    <div className="pse-secret" data-testid={`secret-${id}`}>
      <div className="cds--label" id={`${id}-label`}>
        {label}
      </div>
      <div className="pse-secret__row">
        <output
          id={id}
          aria-labelledby={`${id}-label`}
          className={`pse-secret__value${shown !== undefined ? ' pse-secret__value--shown' : ''}`}
          data-testid={`secret-${id}-value`}
        >
          {!available ? t('common.secret.notSet') : shown !== undefined ? shown : <span aria-label={t('common.secret.masked')}>{MASK}</span>}
        </output>
        <Button
          kind="ghost"
          size="md"
          hasIconOnly
          renderIcon={shown !== undefined ? ViewOff : View}
          iconDescription={shown !== undefined ? t('common.secret.hide') : t('common.secret.reveal')}
          tooltipPosition="top"
          disabled={!available || busy}
          onClick={() => void toggle()}
          data-testid={`secret-${id}-reveal`}
        />
        <Button
          kind="ghost"
          size="md"
          hasIconOnly
          renderIcon={Copy}
          iconDescription={copied ? t('common.secret.copied') : t('common.secret.copy')}
          tooltipPosition="top"
          disabled={!available || busy}
          onClick={() => void copy()}
          data-testid={`secret-${id}-copy`}
        />
      </div>
      {copied && (
        <p className="pse-secret__helper" role="status">
          {t('common.secret.copied')}
        </p>
      )}
      {helperText && !copied && <p className="cds--form__helper-text">{helperText}</p>}
      {error && <InlineNotification kind="error" lowContrast hideCloseButton title={t('common.secret.revealFailed')} subtitle={error} />}
    </div>
  )
}
