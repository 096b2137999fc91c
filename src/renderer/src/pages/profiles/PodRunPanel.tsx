import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, CodeSnippet, InlineNotification } from '@carbon/react'
import type { ProbeResult } from '../../../../shared/schemas/probe'

type PodRun = NonNullable<ProbeResult['pod']>

/** What the pod path left behind: the pod's name, whether it was deleted (else the command to do it), its output. */
export function PodRunPanel({ pod }: { pod: PodRun }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <div className="pse-pod" data-testid="pod-run">
      {pod.cleanedUp ? (
        <p className="pse-editor__hint">{t('profiles.pod.cleaned', { name: pod.name, namespace: pod.namespace, image: pod.image })}</p>
      ) : (
        <>
          <InlineNotification
            kind="warning"
            lowContrast
            hideCloseButton
            title={t('profiles.pod.leftTitle')}
            subtitle={t('profiles.pod.leftText', { name: pod.name, namespace: pod.namespace })}
          />
          <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')}>
            {pod.cleanupCommand}
          </CodeSnippet>
        </>
      )}
      {pod.output && (
        <>
          <Button kind="ghost" size="sm" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('common.hideDetails') : t('profiles.pod.output')}
          </Button>
          {open && <pre className="pse-error__detail">{pod.output}</pre>}
        </>
      )}
    </div>
  )
}
