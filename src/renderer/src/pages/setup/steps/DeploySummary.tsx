import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, StructuredListBody, StructuredListWrapper } from '@carbon/react'
import type { DeployForm, WizardOptions } from '../../../../../shared/schemas/wizard'
import { StepHeader } from './StepHeader'
import { Row } from './AccountStep'

/** The confirmation before anything is created: what, where, how big, and that it is billed. */
export function DeploySummary({
  form,
  options,
  busy,
  onCreate,
  onEdit
}: {
  form: DeployForm
  options: WizardOptions
  busy: boolean
  onCreate: () => void
  onEdit: () => void
}) {
  const { t } = useTranslation()
  const region = options.regions.find((r) => r.id === form.region)
  const group = options.resourceGroups.find((g) => g.id === form.resourceGroupId)
  const shared = form.hostFlavor === 'multitenant'
  return (
    <section className="pse-setup__step" aria-labelledby="step-title" data-testid="deploy-summary">
      <StepHeader step="deploy" title={t('setup.deploy.summary.title')} lead={t('setup.deploy.summary.what')} />
      <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.deploy.summary.billed')} />
      <StructuredListWrapper isCondensed aria-label={t('setup.deploy.summary.title')}>
        <StructuredListBody>
          <Row label={t('setup.deploy.name')} value={form.name} />
          <Row
            label={t('setup.deploy.region')}
            value={region ? (region.name.includes(region.id) ? region.name : `${region.name} (${region.id})`) : form.region}
          />
          <Row label={t('setup.deploy.resourceGroup')} value={group?.name ?? form.resourceGroupId} />
          <Row label={t('setup.deploy.tags')} value={form.tags.length ? form.tags.join(', ') : t('setup.deploy.summary.none')} />
          <Row label={t('setup.deploy.hostFlavor')} value={shared ? t('setup.deploy.flavorShared') : form.hostFlavor} />
          {shared && <Row label={t('setup.deploy.memory')} value={`${form.memoryMbPerMember} MB`} />}
          <Row label={t('setup.deploy.disk')} value={`${form.diskMbPerMember} MB`} />
          {shared && <Row label={t('setup.deploy.cpu')} value={form.cpuPerMember === 0 ? t('setup.deploy.summary.sharedCpu') : String(form.cpuPerMember)} />}
          {shared && <Row label="" value={t('setup.deploy.summary.totals', { memory: form.memoryMbPerMember * 2, disk: form.diskMbPerMember * 2 })} />}
          <Row label={t('setup.deploy.version')} value={form.version || t('setup.deploy.versionPreferred')} />
          <Row label={t('setup.deploy.keyProtect')} value={form.keyProtectKeyCrn ?? t('setup.deploy.summary.automatic')} />
          <Row label={t('setup.deploy.endpoints')} value={t(`setup.deploy.endpointOptions.${form.serviceEndpoints}`)} />
        </StructuredListBody>
      </StructuredListWrapper>
      <div className="pse-setup__actions">
        <Button kind="secondary" disabled={busy} onClick={onEdit} data-testid="deploy-edit">
          {t('setup.deploy.summary.edit')}
        </Button>
        <Button kind="primary" disabled={busy} onClick={onCreate} data-testid="deploy-create">
          {t('setup.deploy.summary.create')}
        </Button>
      </div>
    </section>
  )
}
