import { useTranslation } from 'react-i18next'
import { CodeSnippet } from '@carbon/react'

/** The "CLI equivalent" panel every cloud step carries: the commands, copyable in one click. */
export function CliEquivalent({ commands, title, hint }: { commands: string | string[]; title?: string; hint?: string }) {
  const { t } = useTranslation()
  const text = Array.isArray(commands) ? commands.join('\n') : commands
  return (
    <section className="pse-cli" aria-label={title ?? t('common.cli.title')} data-testid="cli-equivalent">
      <h4 className="pse-cli__title">{title ?? t('common.cli.title')}</h4>
      <p className="pse-cli__hint">{hint ?? t('common.cli.hint')}</p>
      <CodeSnippet type="multi" feedback={t('common.copied')} aria-label={t('common.cli.copy')} copyButtonDescription={t('common.cli.copy')} wrapText>
        {text}
      </CodeSnippet>
    </section>
  )
}
