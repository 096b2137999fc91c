import { useTranslation } from 'react-i18next'
import { Checkbox, FormGroup, InlineNotification, NumberInput, Select, SelectItem } from '@carbon/react'
import type { DeployFieldsProps } from './DeployCreateForm'
import { withVpc } from '../deploy-defaults'

/** Gen 2's own fields: host flavor, storage per member, version, the VPC and the private endpoint's subnets; private only, said plainly. */
export function DeployGen2Fields({ draft, options, invalid, invalidText, set, update }: DeployFieldsProps) {
  const { t } = useTranslation()
  const vpc = options.vpcs.find((v) => v.id === draft.vpcId)
  const withSubnets = options.vpcs.filter((v) => v.subnets.length > 0)
  const toggleSubnet = (id: string, on: boolean) => {
    const zone = vpc?.subnets.find((s) => s.id === id)?.zone
    // At most one subnet per zone: choosing one replaces the other of its zone.
    const others = draft.subnetIds.filter((x) => x !== id && vpc?.subnets.find((s) => s.id === x)?.zone !== zone)
    update({ ...draft, subnetIds: on ? [...others, id] : draft.subnetIds.filter((x) => x !== id) }, 'subnetIds')
  }
  return (
    <div className="pse-setup__form" data-testid="deploy-gen2-fields">
      <InlineNotification kind="info" lowContrast hideCloseButton title={t('deployGen2.privateOnly')} data-testid="deploy-gen2-private-only" />
      <div className="pse-setup__row">
        <Select
          id="deploy-gen2-flavor"
          labelText={t('deployGen2.hostFlavor')}
          helperText={t('deployGen2.hostFlavorHelp')}
          value={draft.gen2HostFlavor ?? ''}
          onChange={(e) => update({ ...draft, gen2HostFlavor: e.target.value || null }, 'gen2HostFlavor')}
          invalid={invalid('gen2HostFlavor')}
          invalidText={invalidText('gen2HostFlavor')}
        >
          {options.gen2HostFlavors.map((f) => (
            <SelectItem key={f} value={f} text={f} />
          ))}
        </Select>
        <NumberInput
          id="deploy-gen2-storage"
          label={t('deployGen2.storage')}
          helperText={t('deployGen2.storageHelp')}
          value={draft.storageGbPerMember === '' ? '' : Number(draft.storageGbPerMember)}
          step={10}
          min={10}
          max={4000}
          allowEmpty
          invalid={invalid('storageGbPerMember')}
          invalidText={invalidText('storageGbPerMember')}
          onChange={(_e: unknown, state: { value: number | string }) => set('storageGbPerMember', String(state.value))}
        />
      </div>
      <Select
        id="deploy-gen2-version"
        labelText={t('setup.deploy.version')}
        value={draft.version}
        onChange={(e) => set('version', e.target.value)}
        invalid={invalid('version')}
        invalidText={invalidText('version')}
      >
        {options.gen2Versions.map((v) => (
          <SelectItem key={v.version} value={v.version} text={v.preferred ? t('setup.deploy.versionPreferredTag', { version: v.version }) : v.version} />
        ))}
      </Select>
      {withSubnets.length === 0 ? (
        <InlineNotification kind="warning" lowContrast hideCloseButton title={t('deployGen2.vpcNone', { region: draft.region })} data-testid="deploy-gen2-no-vpc" />
      ) : (
        <Select
          id="deploy-gen2-vpc"
          labelText={t('deployGen2.vpc')}
          helperText={t('deployGen2.vpcHelp')}
          value={draft.vpcId ?? ''}
          onChange={(e) => update(withVpc(draft, options.vpcs, e.target.value || null), 'vpcId')}
          invalid={invalid('vpcId')}
          invalidText={invalidText('vpcId')}
        >
          {draft.vpcId === null && <SelectItem value="" text="—" />}
          {withSubnets.map((v) => (
            <SelectItem key={v.id} value={v.id} text={t('deployGen2.vpcOption', { name: v.name, count: v.subnets.length })} />
          ))}
        </Select>
      )}
      {vpc && (
        <FormGroup legendText={t('deployGen2.subnets')} data-testid="deploy-gen2-subnets">
          <p className="pse-setup__hint">{t('deployGen2.subnetsHelp')}</p>
          {vpc.subnets.map((s) => (
            <Checkbox
              key={s.id}
              id={`deploy-subnet-${s.id}`}
              labelText={t('deployGen2.subnetOption', { name: s.name, zone: s.zone, cidr: s.cidr })}
              checked={draft.subnetIds.includes(s.id)}
              onChange={(_e: unknown, { checked }: { checked: boolean }) => toggleSubnet(s.id, checked)}
            />
          ))}
        </FormGroup>
      )}
    </div>
  )
}
