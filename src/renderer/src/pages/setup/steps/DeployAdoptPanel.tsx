import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import { Button, RadioButton, Select, SelectItem, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import type { Generation } from '../../../../../shared/schemas/ibmcloud'
import type { WizardOptions } from '../../../../../shared/schemas/wizard'
import { onePerZone } from '../deploy-defaults'

/** Adopt an existing instance: a table of the account's instances of the chosen generation to pick one from. */
export function DeployAdoptPanel(props: {
  options: WizardOptions
  generation: Generation
  busy: boolean
  adoptId: string
  setAdoptId: (id: string) => void
  /** Gen 2: the VPC the instance is reached from (its VPE goes there in step 6), with one subnet per zone. */
  onAdopt: (instanceId: string, vpc?: { vpcId: string; subnetIds: string[] }) => void
}) {
  const { options, generation, busy, adoptId, setAdoptId, onAdopt } = props
  const { t } = useTranslation()
  // The generation comes from each instance's plan (resource_plan_id), never from its CRN.
  const instances = options.instances.filter((i) => i.generation === generation)
  const withSubnets = options.vpcs.filter((v) => v.subnets.length > 0)
  const [vpcId, setVpcId] = useState(withSubnets[0]?.id ?? '')
  const vpc = withSubnets.find((v) => v.id === vpcId)
  const needsVpc = generation === 'gen2'
  const adopt = () => onAdopt(adoptId, needsVpc && vpc ? { vpcId: vpc.id, subnetIds: onePerZone(vpc.subnets) } : undefined)
  return (
    <div className="pse-setup__form" data-testid="deploy-adopt">
      <h3 className="pse-setup__subtitle">{t('setup.deploy.existing')}</h3>
      {instances.length === 0 ? (
        <p className="pse-setup__hint">{t('setup.deploy.noInstances')}</p>
      ) : (
        <Table size="md" useZebraStyles={false} aria-label={t('setup.deploy.existing')}>
          <TableHead>
            <TableRow>
              <TableHeader />
              <TableHeader>{t('setup.deploy.instanceColumns.name')}</TableHeader>
              <TableHeader>{t('deployGen2.instanceGeneration')}</TableHeader>
              <TableHeader>{t('setup.deploy.instanceColumns.state')}</TableHeader>
              {!needsVpc && <TableHeader>{t('setup.deploy.instanceColumns.endpoints')}</TableHeader>}
              <TableHeader>{t('setup.deploy.instanceColumns.version')}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {instances.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <RadioButton
                    id={`adopt-${i.guid}`}
                    name="adopt"
                    value={i.id}
                    labelText={i.name}
                    hideLabel
                    checked={adoptId === i.id}
                    onChange={() => setAdoptId(i.id)}
                  />
                </TableCell>
                <TableCell>{i.name}</TableCell>
                <TableCell>{t(`deployGen2.generation.${i.generation}`)}</TableCell>
                <TableCell>
                  <Tag type={i.state === 'active' ? 'green' : 'gray'}>{i.state}</Tag>
                </TableCell>
                {/* Gen 2 is private only: the column would say the same on every row. */}
                {!needsVpc && <TableCell>{i.serviceEndpoints ? t(`setup.deploy.endpointOptions.${i.serviceEndpoints}`) : '—'}</TableCell>}
                <TableCell>{i.version ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {needsVpc && instances.length > 0 && (
        <Select id="adopt-vpc" labelText={t('deployGen2.vpc')} helperText={t('deployGen2.vpcHelp')} value={vpcId} onChange={(e) => setVpcId(e.target.value)}>
          {withSubnets.map((v) => (
            <SelectItem key={v.id} value={v.id} text={t('deployGen2.vpcOption', { name: v.name, count: v.subnets.length })} />
          ))}
        </Select>
      )}
      <div className="pse-setup__actions">
        <Button kind="primary" disabled={busy || !instances.some((i) => i.id === adoptId) || (needsVpc && !vpc)} onClick={adopt} data-testid="deploy-adopt-button">
          {t('setup.deploy.adopt')}
        </Button>
      </div>
    </div>
  )
}
