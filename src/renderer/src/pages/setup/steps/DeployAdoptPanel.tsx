import { useTranslation } from 'react-i18next'
import { Button, RadioButton, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import type { WizardOptions } from '../../../../../shared/schemas/wizard'

/** Adopt an existing instance: a table of the account's instances to pick one from. */
export function DeployAdoptPanel(props: {
  options: WizardOptions
  busy: boolean
  adoptId: string
  setAdoptId: (id: string) => void
  onAdopt: (instanceId: string) => void
}) {
  const { options, busy, adoptId, setAdoptId, onAdopt } = props
  const { t } = useTranslation()
  return (
    <div className="pse-setup__form" data-testid="deploy-adopt">
      <h3 className="pse-setup__subtitle">{t('setup.deploy.existing')}</h3>
      {options.instances.length === 0 ? (
        <p className="pse-setup__hint">{t('setup.deploy.noInstances')}</p>
      ) : (
        <Table size="md" useZebraStyles={false} aria-label={t('setup.deploy.existing')}>
          <TableHead>
            <TableRow>
              <TableHeader />
              <TableHeader>{t('setup.deploy.instanceColumns.name')}</TableHeader>
              <TableHeader>{t('setup.deploy.instanceColumns.state')}</TableHeader>
              <TableHeader>{t('setup.deploy.instanceColumns.endpoints')}</TableHeader>
              <TableHeader>{t('setup.deploy.instanceColumns.version')}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {options.instances.map((i) => (
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
                <TableCell>
                  <Tag type={i.state === 'active' ? 'green' : 'gray'}>{i.state}</Tag>
                </TableCell>
                <TableCell>{i.serviceEndpoints ? t(`setup.deploy.endpointOptions.${i.serviceEndpoints}`) : '—'}</TableCell>
                <TableCell>{i.version ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className="pse-setup__actions">
        <Button kind="primary" disabled={busy || !adoptId} onClick={() => onAdopt(adoptId)} data-testid="deploy-adopt-button">
          {t('setup.deploy.adopt')}
        </Button>
      </div>
    </div>
  )
}
