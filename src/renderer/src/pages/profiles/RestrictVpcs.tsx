import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox, FormGroup } from '@carbon/react'
import { call } from '../../api/client'

export interface SuggestedVpc {
  crn: string
  name: string
  subnets: string[]
  gateway: string
}

/** The VPCs with a VPE gateway to the profile's instance (none when it has none, or they cannot be read). */
export function useSuggestedVpcs(profileId: string): SuggestedVpc[] {
  const [vpcs, setVpcs] = useState<SuggestedVpc[]>([])
  useEffect(() => {
    let live = true
    call('restrictions.vpcs', { profileId }).then(
      (r) => live && setVpcs(r.vpcs),
      () => live && setVpcs([])
    )
    return () => {
      live = false
    }
  }, [profileId])
  return vpcs
}

/** One checkbox per suggested VPC: admitting a VPC admits every subnet in it. */
export function RestrictVpcs(props: { vpcs: SuggestedVpc[]; chosen: string[]; disabled: boolean; gen2: boolean; onChange(chosen: string[]): void }) {
  const { t } = useTranslation()
  const { vpcs, chosen, disabled, onChange } = props
  if (vpcs.length === 0) return props.gen2 ? <p className="pse-modal__lead">{t('profiles.restrict.vpcsNone')}</p> : null
  return (
    <FormGroup legendText={t('profiles.restrict.vpcs')} className="pse-restrict__vpcs" data-testid="restrict-vpcs">
      <p className="pse-restrict__hint">{t('profiles.restrict.vpcsHint')}</p>
      {vpcs.map((v) => (
        <Checkbox
          key={v.crn}
          id={`restrict-vpc-${v.crn}`}
          labelText={t('profiles.restrict.vpcOption', { name: v.name, gateway: v.gateway, subnets: v.subnets.join(t('common.listSeparator')) })}
          checked={chosen.includes(v.crn)}
          disabled={disabled}
          onChange={(_, { checked }) => onChange(checked ? [...chosen, v.crn] : chosen.filter((c) => c !== v.crn))}
        />
      ))}
    </FormGroup>
  )
}
