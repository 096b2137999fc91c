import { useTranslation } from 'react-i18next'
import { Breadcrumb, BreadcrumbItem, Button, InlineLoading, InlineNotification } from '@carbon/react'
import { Download, Renew } from '@carbon/icons-react'
import type { PrivacyReport } from '../../../../shared/schemas/privacy'
import { reportHtml } from '../../../../shared/privacy/report-html'
import { instanceText, vantageText, type Translate } from '../../../../shared/privacy/words'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ClaimSection } from './ClaimSection'
import { usePrivacyReport } from './use-privacy-report'

const notificationKind = { holds: 'success', fails: 'error', inconclusive: 'warning' } as const

/** Saves the report as the same self-contained HTML page `pse-wizard prove --html` writes. */
function downloadHtml(report: PrivacyReport, t: Translate, language: string): void {
  const blob = new Blob([reportHtml(report, t, language)], { type: 'text/html;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `privacy-report-${(report.instance.name ?? report.instance.guid).replace(/[^A-Za-z0-9._-]+/g, '_')}-${report.generatedAt.slice(0, 10)}.html`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

function ReportSummary({ report }: { report: PrivacyReport }) {
  const { t, i18n } = useTranslation()
  const tr = t as unknown as Translate
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'medium' }).format(new Date(report.generatedAt))
  return (
    <>
      <InlineNotification
        kind={notificationKind[report.verdict]}
        lowContrast
        hideCloseButton
        title={t(`privacy.verdict.${report.verdict}`)}
        subtitle={t(`privacy.overall.${report.verdict}`)}
        data-testid="privacy-verdict"
        data-verdict={report.verdict}
      />
      <dl className="pse-privacy__meta">
        <dt>{t('privacy.instance')}</dt>
        <dd>{instanceText(report)}</dd>
        <dt>{t('privacy.vantageLabel')}</dt>
        <dd data-testid="privacy-vantage">{vantageText(tr, report.vantage)}</dd>
        <dt>{t('privacy.checkedAt')}</dt>
        <dd>
          <time dateTime={report.generatedAt}>{date}</time>
        </dd>
      </dl>
    </>
  )
}

/** `#/profiles/<id>/privacy`: the five claims about the profile's instance, each with its evidence and fix. */
export function PrivacyReportPage({ profileId, onBack, onList }: { profileId: string; onBack(): void; onList(): void }) {
  const { t, i18n } = useTranslation()
  const { name, report, error, running, run } = usePrivacyReport(profileId)
  const profileName = name ?? report?.profile?.name ?? ''
  const link = (go: () => void) => (e: React.MouseEvent) => {
    e.preventDefault()
    go()
  }
  return (
    <div className="pse-page pse-privacy" data-testid="privacy-page">
      <Breadcrumb noTrailingSlash className="pse-editor__crumbs">
        <BreadcrumbItem href="#/profiles" onClick={link(onList)}>
          {t('profiles.title')}
        </BreadcrumbItem>
        <BreadcrumbItem href={`#/profiles/${encodeURIComponent(profileId)}`} onClick={link(onBack)}>
          {profileName}
        </BreadcrumbItem>
      </Breadcrumb>
      <div className="pse-editor__head">
        <h1 className="pse-page__title">{t('privacy.title')}</h1>
        <div className="pse-editor__actions">
          <Button kind="tertiary" size="md" renderIcon={Renew} disabled={running} onClick={run} data-testid="privacy-run">
            {t('privacy.runAgain')}
          </Button>
          <Button
            kind="ghost"
            size="md"
            renderIcon={Download}
            disabled={!report || running}
            onClick={() => report && downloadHtml(report, t as unknown as Translate, i18n.language)}
            data-testid="privacy-html"
          >
            {t('privacy.downloadHtml')}
          </Button>
        </div>
      </div>
      <p className="pse-page__lead">{t('privacy.lead')}</p>
      {running && <InlineLoading description={t('privacy.running')} data-testid="privacy-running" />}
      {error && <ErrorNotice error={error} title={t('privacy.failed')} />}
      {report && !running && (
        <>
          <ReportSummary report={report} />
          {report.claims.map((c) => (
            <ClaimSection key={c.id} claim={c} />
          ))}
        </>
      )}
    </div>
  )
}
