import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Button,
  InlineLoading,
  InlineNotification,
  NumberInput,
  RadioButton,
  RadioButtonGroup,
  Select,
  SelectItem,
  StructuredListBody,
  StructuredListWrapper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  TextInput
} from '@carbon/react'
import { call, toAppError } from '../../../api/client'
import { ErrorNotice } from '../../../components/ErrorNotice'
import type { AppError } from '../../../../../shared/errors'
import type { DeployForm, WizardOptions } from '../../../../../shared/schemas/wizard'
import { checkDraft, toDraft, type DeployDraft, type DraftField } from '../deploy-form'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { Row } from './AccountStep'

/** Step 3: the seed's create form (every option, validated) with a billed-summary to confirm, or adopt an instance. */
export function DeployStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const [options, setOptions] = useState<WizardOptions | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [region, setRegion] = useState<string | undefined>(undefined)
  const [draft, setDraft] = useState<DeployDraft | null>(null)
  const [mode, setMode] = useState<'create' | 'adopt'>(state.deploy?.mode ?? 'create')
  const [touched, setTouched] = useState<Partial<Record<DraftField, boolean>>>({})
  const [review, setReview] = useState<DeployForm | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [adoptId, setAdoptId] = useState<string>('')

  useEffect(() => {
    setLoadError(null)
    call('wizard.options', region ? { region } : {}).then(
      (o) => {
        setOptions(o)
        setDraft((d) => d ?? toDraft(o.defaults))
      },
      (e) => setLoadError(toAppError(e))
    )
  }, [region])

  if (loadError) return <ErrorNotice error={loadError} title={t('setup.errors.fallback')} />
  if (!options || !draft) return <InlineLoading description={t('setup.deploy.loadingOptions')} />

  const { form, problems } = checkDraft(draft)
  const invalid = (f: DraftField) => Boolean((touched[f] || showAll) && problems[f])
  const invalidText = (f: DraftField) => t(`setup.deploy.invalid.${f}`)
  const set = (f: DraftField, value: string) => {
    setDraft({ ...draft, [f]: value })
    setTouched({ ...touched, [f]: true })
    if (f === 'region') setRegion(value)
  }
  const isolated = draft.hostFlavor !== 'multitenant'

  const create = () => {
    if (!review) return
    void run('deploy', () => call('wizard.deploy', { mode: 'create', form: review, confirm: true }))
  }

  if (review) return <Summary form={review} options={options} busy={busy} onCreate={create} onEdit={() => setReview(null)} />

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="deploy" title={t('setup.deploy.title')} lead={t('setup.deploy.lead')} />
      {state.instance && (
        <InlineNotification
          kind="info"
          lowContrast
          hideCloseButton
          title={state.instance.name}
          subtitle={`${state.instance.region} · ${state.instance.state}`}
        />
      )}
      <RadioButtonGroup
        legendText={t('setup.deploy.modeLegend')}
        name="deploy-mode"
        valueSelected={mode}
        onChange={(v) => setMode(v as 'create' | 'adopt')}
        disabled={busy}
      >
        <RadioButton id="deploy-create" value="create" labelText={t('setup.deploy.mode.create')} />
        <RadioButton id="deploy-adopt" value="adopt" labelText={t('setup.deploy.mode.adopt')} />
      </RadioButtonGroup>

      {mode === 'create' ? (
        <div className="pse-setup__form" data-testid="deploy-form">
          <TextInput
            id="deploy-name"
            labelText={t('setup.deploy.name')}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            invalid={invalid('name')}
            invalidText={invalidText('name')}
          />
          <div className="pse-setup__row">
            <Select
              id="deploy-region"
              labelText={t('setup.deploy.region')}
              value={draft.region}
              onChange={(e) => set('region', e.target.value)}
              invalid={invalid('region')}
              invalidText={invalidText('region')}
            >
              {options.regions.map((r) => (
                <SelectItem key={r.id} value={r.id} text={r.name.includes(r.id) ? r.name : `${r.name} (${r.id})`} />
              ))}
            </Select>
            <Select
              id="deploy-group"
              labelText={t('setup.deploy.resourceGroup')}
              value={draft.resourceGroupId}
              onChange={(e) => set('resourceGroupId', e.target.value)}
              invalid={invalid('resourceGroupId')}
              invalidText={invalidText('resourceGroupId')}
            >
              {options.resourceGroups.map((g) => (
                <SelectItem key={g.id} value={g.id} text={g.isDefault ? t('setup.deploy.resourceGroupDefault', { name: g.name }) : g.name} />
              ))}
            </Select>
          </div>
          <TextInput
            id="deploy-tags"
            labelText={t('setup.deploy.tags')}
            helperText={t('setup.deploy.tagsHelp')}
            value={draft.tags}
            onChange={(e) => set('tags', e.target.value)}
            invalid={invalid('tags')}
            invalidText={invalidText('tags')}
          />
          <Select id="deploy-flavor" labelText={t('setup.deploy.hostFlavor')} value={draft.hostFlavor} onChange={(e) => set('hostFlavor', e.target.value)}>
            {options.hostFlavors.map((f) => (
              <SelectItem key={f} value={f} text={f === 'multitenant' ? t('setup.deploy.flavorShared') : f} />
            ))}
          </Select>
          <p className="pse-setup__hint">{isolated ? t('setup.deploy.sizesIsolated') : t('setup.deploy.membersHelp')}</p>
          <div className="pse-setup__row pse-setup__row--three">
            <Size
              id="deploy-memory"
              label={t('setup.deploy.memory')}
              value={draft.memoryMbPerMember}
              step={256}
              disabled={isolated}
              onChange={(v) => set('memoryMbPerMember', v)}
              invalid={invalid('memoryMbPerMember')}
              invalidText={invalidText('memoryMbPerMember')}
            />
            <Size
              id="deploy-disk"
              label={t('setup.deploy.disk')}
              value={draft.diskMbPerMember}
              step={1024}
              onChange={(v) => set('diskMbPerMember', v)}
              invalid={invalid('diskMbPerMember')}
              invalidText={invalidText('diskMbPerMember')}
            />
            <Size
              id="deploy-cpu"
              label={t('setup.deploy.cpu')}
              helper={t('setup.deploy.cpuHelp')}
              value={draft.cpuPerMember}
              step={1}
              disabled={isolated}
              onChange={(v) => set('cpuPerMember', v)}
              invalid={invalid('cpuPerMember')}
              invalidText={invalidText('cpuPerMember')}
            />
          </div>
          <div className="pse-setup__row">
            <Select
              id="deploy-version"
              labelText={t('setup.deploy.version')}
              value={draft.version}
              onChange={(e) => set('version', e.target.value)}
              invalid={invalid('version')}
              invalidText={invalidText('version')}
            >
              <SelectItem value="" text={t('setup.deploy.versionPreferred')} />
              {options.versions.map((v) => (
                <SelectItem key={v.version} value={v.version} text={v.preferred ? t('setup.deploy.versionPreferredTag', { version: v.version }) : v.version} />
              ))}
            </Select>
            <TextInput
              id="deploy-kp"
              labelText={t('setup.deploy.keyProtect')}
              helperText={t('setup.deploy.keyProtectHelp')}
              placeholder="crn:v1:bluemix:public:kms:…"
              value={draft.keyProtectKeyCrn}
              onChange={(e) => set('keyProtectKeyCrn', e.target.value)}
              invalid={invalid('keyProtectKeyCrn')}
              invalidText={invalidText('keyProtectKeyCrn')}
            />
          </div>
          <RadioButtonGroup
            legendText={t('setup.deploy.endpoints')}
            name="deploy-endpoints"
            valueSelected={draft.serviceEndpoints}
            onChange={(v) => set('serviceEndpoints', String(v))}
          >
            {(['public-and-private', 'private', 'public'] as const).map((e) => (
              <RadioButton key={e} id={`deploy-endpoints-${e}`} value={e} labelText={t(`setup.deploy.endpointOptions.${e}`)} />
            ))}
          </RadioButtonGroup>
          {draft.serviceEndpoints === 'public' && (
            <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.deploy.endpointsPublicOnly')} />
          )}
          {showAll && !form && <InlineNotification kind="error" lowContrast hideCloseButton title={t('setup.deploy.fixFields')} />}
          <div className="pse-setup__actions">
            <Button
              kind="primary"
              disabled={busy}
              onClick={() => {
                setShowAll(true)
                if (form) setReview(form)
              }}
              data-testid="deploy-review"
            >
              {t('setup.deploy.review')}
            </Button>
          </div>
        </div>
      ) : (
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
            <Button
              kind="primary"
              disabled={busy || !adoptId}
              onClick={() => void run('deploy', () => call('wizard.deploy', { mode: 'adopt', instanceId: adoptId }))}
              data-testid="deploy-adopt-button"
            >
              {t('setup.deploy.adopt')}
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}

function Size(props: {
  id: string
  label: string
  helper?: string
  value: string
  step: number
  disabled?: boolean
  invalid: boolean
  invalidText: string
  onChange: (v: string) => void
}) {
  return (
    <NumberInput
      id={props.id}
      label={props.label}
      helperText={props.helper}
      value={props.value === '' ? '' : Number(props.value)}
      step={props.step}
      min={0}
      allowEmpty
      disabled={props.disabled}
      invalid={props.invalid}
      invalidText={props.invalidText}
      onChange={(_e: unknown, state: { value: number | string }) => props.onChange(String(state.value))}
    />
  )
}

/** The confirmation before anything is created: what, where, how big, and that it is billed. */
function Summary({
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
