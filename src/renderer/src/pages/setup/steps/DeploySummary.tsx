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
  const gen2 = form.generation === 'gen2'
  return (
    <section className="pse-setup__step" aria-labelledby="step-title" data-testid="deploy-summary" data-generation={form.generation}>
      <StepHeader step="deploy" title={t('setup.deploy.summary.title')} lead={t('setup.deploy.summary.what')} />
      <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.deploy.summary.billed')} />
      {gen2 && <p className="pse-setup__hint" data-testid="deploy-summary-gen2">{t('deployGen2.summary.gen2What')}</p>}
      <StructuredListWrapper isCondensed aria-label={t('setup.deploy.summary.title')}>
        <StructuredListBody>
          <Row label={t('deployGen2.summary.generation')} value={t(`deployGen2.generation.${form.generation}`)} />
          <Row label={t('setup.deploy.name')} value={form.name} />
          <Row
            label={t('setup.deploy.region')}
            value={region ? (region.name.includes(region.id) ? region.name : `${region.name} (${region.id})`) : form.region}
          />
          <Row label={t('setup.deploy.resourceGroup')} value={group?.name ?? form.resourceGroupId} />
          <Row label={t('setup.deploy.tags')} value={form.tags.length ? form.tags.join(', ') : t('setup.deploy.summary.none')} />
          {gen2 ? <Gen2Rows form={form} options={options} /> : <Gen1SizeRows form={form} />}
          <Row label={t('setup.deploy.version')} value={form.version || t('setup.deploy.versionPreferred')} />
          <Row label={t('setup.deploy.keyProtect')} value={form.keyProtectKeyCrn ?? t('setup.deploy.summary.automatic')} />
          <Row label={t('setup.deploy.endpoints')} value={gen2 ? t('deployGen2.summary.endpoints') : t(`setup.deploy.endpointOptions.${form.serviceEndpoints}`)} />
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

function Gen1SizeRows({ form }: { form: DeployForm }) {
  const { t } = useTranslation()
  const shared = form.hostFlavor === 'multitenant'
  return (
    <>
      <Row label={t('setup.deploy.hostFlavor')} value={shared ? t('setup.deploy.flavorShared') : form.hostFlavor} />
      {shared && <Row label={t('setup.deploy.memory')} value={`${form.memoryMbPerMember} MB`} />}
      <Row label={t('setup.deploy.disk')} value={`${form.diskMbPerMember} MB`} />
      {shared && <Row label={t('setup.deploy.cpu')} value={form.cpuPerMember === 0 ? t('setup.deploy.summary.sharedCpu') : String(form.cpuPerMember)} />}
      {shared && <Row label="" value={t('setup.deploy.summary.totals', { memory: form.memoryMbPerMember * 2, disk: form.diskMbPerMember * 2 })} />}
    </>
  )
}

/** Gen 2: the flavor, storage (per member and in total), the VPC and the private endpoint's subnets (default: one per zone). */
function Gen2Rows({ form, options }: { form: DeployForm; options: WizardOptions }) {
  const { t } = useTranslation()
  const vpc = options.vpcs.find((v) => v.id === form.vpcId)
  const subnets = vpc?.subnets.filter((s) => form.subnetIds.includes(s.id)) ?? []
  return (
    <>
      <Row label={t('deployGen2.hostFlavor')} value={form.gen2HostFlavor ?? ''} />
      <Row label={t('deployGen2.storage')} value={`${form.storageGbPerMember} GB`} />
      <Row label="" value={t('deployGen2.summary.storageTotal', { total: form.storageGbPerMember * 2 })} />
      <Row label={t('deployGen2.summary.vpc')} value={vpc?.name ?? form.vpcId ?? ''} />
      <Row label={t('deployGen2.summary.subnets')} value={subnets.map((s) => `${s.name} (${s.zone})`).join(', ')} />
    </>
  )
}
