import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, CodeSnippet, InlineNotification } from '@carbon/react'
import type { AppError } from '../../../shared/errors'
import type { Translate } from '../../../shared/i18n/probe-notes/render'
import { saidText } from '../../../shared/said-text'

export interface ErrorNoticeProps {
  error: AppError
  /** Short title; defaults to a translation of the code, else "Something went wrong". */
  title?: string
  /** The next action as a button… */
  action?: { label: string; onClick: () => void }
  /** …or as a command the user copies. */
  command?: string
  kind?: 'error' | 'warning'
  onClose?: () => void
  children?: ReactNode
}

/**
 * An AppError the way UX.md wants it: a title, one sentence of cause, the next action, and the
 * raw detail behind "Show details".
 */
export function ErrorNotice({ error, title, action, command, kind = 'error', onClose, children }: ErrorNoticeProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const heading = title ?? t(`common.probe.${error.code}.title`, { defaultValue: t('app.errorTitle') })
  // Carbon's InlineNotification refuses interactive children: the actions sit right below it.
  return (
    <div className="pse-error" data-testid="error-notice" data-code={error.code}>
      <InlineNotification
        kind={kind}
        lowContrast
        title={heading}
        subtitle={saidText(t as unknown as Translate, error)}
        hideCloseButton={!onClose}
        onClose={onClose ? () => (onClose(), false) : undefined}
        className="pse-error__notice"
      />
      <div className={`pse-error__body pse-error__body--${kind}`}>
        {children}
        {command && (
          <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')} className="pse-error__command">
            {command}
          </CodeSnippet>
        )}
        <div className="pse-error__actions">
          {action && (
            <Button kind="tertiary" size="sm" onClick={action.onClick}>
              {action.label}
            </Button>
          )}
          <Button kind="ghost" size="sm" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="error-details-toggle">
            {open ? t('common.hideDetails') : t('common.showDetails')}
          </Button>
        </div>
        {open && (
          <pre className="pse-error__detail" data-testid="error-detail">
            {t('common.errorCode', { code: error.code })}
            {error.retryAfter !== undefined ? `\nretry-after: ${error.retryAfter}s` : ''}
            {error.detail ? `\n\n${error.detail}` : ''}
          </pre>
        )}
      </div>
    </div>
  )
}
