import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, NumberInput, RadioButton, RadioButtonGroup, Select, SelectItem, TextInput } from '@carbon/react'
import type { DeployForm, WizardOptions } from '../../../../../shared/schemas/wizard'
import type { DeployDraft, DraftField } from '../deploy-form'
import { endOfLifeNotice } from '../../../../../shared/redis-end-of-life'
import { DeployGen2Fields } from './DeployGen2Fields'

/** What the create-form sections share: the draft, its validation, and the setter. */
export interface DeployFieldsProps {
  draft: DeployDraft
  options: WizardOptions
  invalid: (f: DraftField) => boolean
  invalidText: (f: DraftField) => string
  set: (f: DraftField, value: string) => void
  /** Replaces the draft (fields that are not text: the VPC and its subnets, the flavor), marking `field` touched. */
  update: (next: DeployDraft, field: DraftField) => void
}

/** The seed's create form: every option, validated, with a button to review the billed summary. */
export function DeployCreateForm(props: DeployFieldsProps & { busy: boolean; form: DeployForm | undefined; showAll: boolean; onReview: () => void }) {
  const { draft, options, invalid, invalidText, set, busy, form, showAll, onReview } = props
  const { t } = useTranslation()
  const gen2 = draft.generation === 'gen2'
  return (
    <div className="pse-setup__form" data-testid="deploy-form" data-generation={draft.generation}>
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
      {gen2 ? <DeployGen2Fields {...props} /> : <DeploySizeFields {...props} />}
      {gen2 ? (
        <KeyProtectField {...props} />
      ) : (
        <div className="pse-setup__row">
          <Select
            id="deploy-version"
            labelText={t('setup.deploy.version')}
            value={draft.version}
            onChange={(e) => set('version', e.target.value)}
            invalid={invalid('version')}
            invalidText={invalidText('version')}
          >
            {options.versions.length === 0 && <SelectItem value="" text={t('setup.deploy.versionPreferred')} />}
            {options.versions.map((v) => (
              <SelectItem key={v.version} value={v.version} text={v.preferred ? t('setup.deploy.versionPreferredTag', { version: v.version }) : v.version} />
            ))}
          </Select>
          <KeyProtectField {...props} />
        </div>
      )}
      {!gen2 && <Gen1Endpoints {...props} />}
      {showAll && !form && <InlineNotification kind="error" lowContrast hideCloseButton title={t('setup.deploy.fixFields')} />}
      <div className="pse-setup__actions">
        <Button kind="primary" disabled={busy} onClick={onReview} data-testid="deploy-review">
          {t('setup.deploy.review')}
        </Button>
      </div>
    </div>
  )
}

/** The Key Protect key for disk encryption (both generations). */
function KeyProtectField({ draft, invalid, invalidText, set }: DeployFieldsProps) {
  const { t } = useTranslation()
  return (
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
  )
}

/** Gen 1's version end-of-life warning and its endpoint choice (Gen 2 is private only). */
function Gen1Endpoints({ draft, set }: DeployFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <VersionEndOfLifeNotice version={draft.version} />
      <RadioButtonGroup
        legendText={t('setup.deploy.endpoints')}
        name="deploy-endpoints"
        valueSelected={draft.serviceEndpoints}
        onChange={(v) => set('serviceEndpoints', String(v))}
      >
        {(['private', 'public-and-private', 'public'] as const).map((e) => (
          <RadioButton key={e} id={`deploy-endpoints-${e}`} value={e} labelText={t(`setup.deploy.endpointOptions.${e}`)} />
        ))}
      </RadioButtonGroup>
      {draft.serviceEndpoints !== 'private' && (
        <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.deployDefaults.publicMeans')} data-testid="deploy-public-note" />
      )}
      {draft.serviceEndpoints === 'public' && <InlineNotification kind="warning" lowContrast hideCloseButton title={t('setup.deploy.endpointsPublicOnly')} />}
    </>
  )
}

/** A warning, with the date, when the chosen version has reached or nears end of life (dates: shared/redis-end-of-life). */
function VersionEndOfLifeNotice({ version }: { version: string }) {
  const { t, i18n } = useTranslation()
  const notice = endOfLifeNotice(version, new Date())
  if (!notice) return null
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${notice.date}T00:00:00Z`))
  const key = notice.kind === 'reached' ? 'setup.deployDefaults.eolReached' : 'setup.deployDefaults.eolNear'
  return (
    <InlineNotification kind="warning" lowContrast hideCloseButton title={t(key, { version: notice.version, date })} data-testid="deploy-version-eol" data-eol={notice.kind} />
  )
}

/** Host flavor and the per-member sizes (fixed by an isolated flavor). */
function DeploySizeFields({ draft, options, invalid, invalidText, set }: DeployFieldsProps) {
  const { t } = useTranslation()
  const isolated = draft.hostFlavor !== 'multitenant'
  return (
    <>
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
    </>
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
