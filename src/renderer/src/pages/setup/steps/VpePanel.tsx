import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Button,
  Checkbox,
  InlineNotification,
  RadioButton,
  RadioButtonGroup,
  Select,
  SelectItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  TextInput
} from '@carbon/react'
import { call } from '../../../api/client'
import type { VpcSummary } from '../../../../../shared/schemas/ibmcloud'
import type { WizardState, WizardVpe } from '../../../../../shared/schemas/wizard'
import { vpcResourceName } from '../../../../../shared/vpc-names'
import type { StepProps } from '../step-props'

type Choice = 'create' | 'existing'

/** The deploy form's VPC as wizard.options describes it (its subnets and security groups), when it can be read. */
function useFormVpc(state: WizardState): VpcSummary | null {
  const [vpc, setVpc] = useState<VpcSummary | null>(null)
  const vpcId = state.deploy?.form?.vpcId ?? null
  const region = state.instance?.region
  useEffect(() => {
    if (!vpcId || !region) return
    let live = true
    call('wizard.options', { region }).then(
      (o) => live && setVpc(o.vpcs.find((v) => v.id === vpcId) ?? null),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [vpcId, region])
  return vpc
}

/**
 * Step 6's VPE gateway (Gen 2; optional for Gen 1 reached from a VPC): what it is and that it is
 * billed, the security group choice (an existing group, or one the app creates on consent), and
 * the gateway as main records it (reused or new, pending → stable, its IPs per zone).
 */
export function VpePanel({ state, run, busy, optional }: StepProps & { optional: boolean }) {
  const { t } = useTranslation()
  const vpc = useFormVpc(state)
  const [choice, setChoice] = useState<Choice>('create')
  const [consent, setConsent] = useState(false)
  const [groupId, setGroupId] = useState('')
  const vpe = state.vpe
  const port = vpe?.port ?? state.connections.private?.port ?? 6379
  const subnetIds = state.deploy?.form?.subnetIds ?? []
  const subnets = (vpc?.subnets ?? []).filter((s) => subnetIds.length === 0 || subnetIds.includes(s.id))
  const ready = vpe?.lifecycleState === 'stable' && vpe.ips.every((ip) => ip.address !== '0.0.0.0')
  const chosen = choice === 'create' ? consent : groupId.trim().length > 0
  const input = () => ({
    ...(optional ? { vpe: true } : {}),
    ...(choice === 'create' ? { createSecurityGroup: true } : { securityGroupId: groupId.trim() })
  })
  const start = () => void run('connection', () => call('wizard.fetchConnection', input()))
  const name = vpcResourceName(state.instance?.name ?? '', 'vpe-sg')
  const cidrs = subnets.map((s) => s.cidr).join(', ')

  return (
    <section className="pse-setup__endpoint" aria-labelledby="vpe-title" data-testid="vpe-panel">
      <h3 className="pse-setup__subtitle" id="vpe-title">
        {optional ? t('vpe.titleOptional') : t('vpe.title')}
      </h3>
      <p className="pse-setup__hint" data-testid="vpe-what">
        {t('vpe.what')}
      </p>
      {optional && <p className="pse-setup__hint">{t('vpe.gen1Lead')}</p>}
      {vpe && <VpeStatus vpe={vpe} />}
      {!ready && state.steps.connection.status !== 'running' && (
        <>
          <RadioButtonGroup legendText={t('vpe.groupLegend')} name="vpe-group" valueSelected={choice} onChange={(v) => setChoice(v as Choice)} orientation="vertical">
            <RadioButton id="vpe-group-create" value="create" labelText={t('vpe.groupCreate')} />
            <RadioButton id="vpe-group-existing" value="existing" labelText={t('vpe.groupExisting')} />
          </RadioButtonGroup>
          {choice === 'create' ? (
            <Checkbox
              id="vpe-group-consent"
              checked={consent}
              onChange={(_e: unknown, { checked }: { checked: boolean }) => setConsent(checked)}
              labelText={cidrs ? t('vpe.groupConsent', { name, port, cidrs }) : t('vpe.groupConsentNoCidrs', { name, port })}
            />
          ) : vpc && vpc.securityGroups.length > 0 ? (
            <Select id="vpe-group-pick" labelText={t('vpe.groupPick')} value={groupId} onChange={(e) => setGroupId(e.target.value)} helperText={t('vpe.groupIdHelper', { port })}>
              <SelectItem value="" text={t('vpe.groupPickPlaceholder')} />
              {vpc.securityGroups.map((g) => (
                <SelectItem key={g.id} value={g.id} text={`${g.name} (${g.id})`} />
              ))}
            </Select>
          ) : (
            <TextInput id="vpe-group-id" labelText={t('vpe.groupIdLabel')} value={groupId} onChange={(e) => setGroupId(e.target.value)} helperText={t('vpe.groupIdHelper', { port })} />
          )}
          <p className="pse-setup__hint">{t('vpe.reuseNote')}</p>
          <div className="pse-setup__actions">
            <Button kind="primary" disabled={busy || !chosen} onClick={start} data-testid="vpe-create">
              {optional ? t('vpe.createGen1') : vpe ? t('vpe.again') : t('vpe.create')}
            </Button>
          </div>
        </>
      )}
    </section>
  )
}

const stateTag = { pending: 'blue', stable: 'green', failed: 'red' } as const

/** The gateway as main recorded it: name (reused or new), state, IPs per zone, security group. */
function VpeStatus({ vpe }: { vpe: WizardVpe }) {
  const { t } = useTranslation()
  const tagType = stateTag[vpe.lifecycleState as keyof typeof stateTag] ?? 'gray'
  return (
    <div className="pse-setup__labelled" data-testid="vpe-status" data-state={vpe.lifecycleState}>
      <p>
        <span className="cds--label">{t('vpe.gateway')}</span> <strong>{vpe.name}</strong> <Tag type={vpe.reused ? 'purple' : 'teal'}>{vpe.reused ? t('vpe.reused') : t('vpe.created')}</Tag>
        <span className="cds--label"> {t('vpe.state')}</span>{' '}
        <Tag type={tagType} data-testid="vpe-state">
          {t(`vpe.states.${vpe.lifecycleState}`, { defaultValue: vpe.lifecycleState })}
        </Tag>
      </p>
      {vpe.notice && <InlineNotification kind="warning" lowContrast hideCloseButton title={t('vpe.stillTrying', { code: vpe.noticeCode ?? '' })} />}
      {vpe.lifecycleState === 'failed' && vpe.reasons && <InlineNotification kind="error" lowContrast hideCloseButton title={t('vpe.failedReasons', { reasons: vpe.reasons })} />}
      <Table size="sm" aria-label={t('vpe.ips')} data-testid="vpe-ips">
        <TableHead>
          <TableRow>
            <TableHeader>{t('vpe.zone')}</TableHeader>
            <TableHeader>{t('vpe.subnet')}</TableHeader>
            <TableHeader>{t('vpe.address')}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {vpe.ips.map((ip) => (
            <TableRow key={`${ip.subnetId}-${ip.zone}`}>
              <TableCell className="pse-setup__nowrap">{ip.zone}</TableCell>
              <TableCell>{ip.subnetId}</TableCell>
              <TableCell className="pse-setup__nowrap">{ip.address === '0.0.0.0' ? t('vpe.addressPending') : ip.address}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {vpe.securityGroupId && (
        <p>
          <span className="cds--label">{t('vpe.group')}</span>{' '}
          {vpe.createdSecurityGroup ? t('vpe.groupCreatedByApp', { id: vpe.securityGroupId }) : t('vpe.groupOfGateway', { id: vpe.securityGroupId })}
        </p>
      )}
      {vpe.lifecycleState === 'stable' && <p className="pse-setup__hint">{t('vpe.readyNote', { host: vpe.hostname, port: vpe.port })}</p>}
    </div>
  )
}
