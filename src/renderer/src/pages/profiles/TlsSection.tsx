import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Tag, TextArea, TextInput, Toggle } from '@carbon/react'
import { WarningFilled } from '@carbon/icons-react'
import { invalidProps, type SectionProps } from './form'
import { TextFileInput } from './TextFileInput'

/** TLS on/off, the CA (pasted or from a file), SNI server name and the verify switch. */
export function TlsSection(p: SectionProps & { clientKey: ReactNode }) {
  const { t } = useTranslation()
  const { draft, update } = p
  return (
    <fieldset className="pse-editor__section" data-testid="section-tls">
      <legend className="pse-editor__legend">{t('profiles.editor.tls')}</legend>
      <Toggle
        id="profile-tls"
        labelText={t('profiles.field.tls')}
        labelA={t('profiles.off')}
        labelB={t('profiles.on')}
        toggled={draft.tlsEnabled}
        onToggle={(on: boolean) => update({ tlsEnabled: on })}
      />
      {!draft.tlsEnabled && (
        <p className="pse-editor__warning" role="note">
          <WarningFilled size={16} aria-hidden /> {t('profiles.editor.plainWarning')}
        </p>
      )}
      {draft.tlsEnabled && (
        <div className="pse-editor__stack">
          <TextArea
            id="profile-ca"
            labelText={t('profiles.field.ca')}
            helperText={t('profiles.field.caHint')}
            rows={5}
            className="pse-editor__pem"
            value={draft.caPem}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => update({ caPem: e.target.value })}
            {...invalidProps(p, 'caPem')}
          />
          <TextFileInput
            id="profile-ca-file"
            label={t('profiles.field.caFile')}
            maxBytes={64_000}
            accept=".pem,.crt,.cer,.txt"
            onText={(text) => (update({ caPem: text.trim() + '\n' }), p.touch('caPem'))}
          />
          <TextInput
            id="profile-servername"
            labelText={t('profiles.field.servername')}
            helperText={t('profiles.field.servernameHint')}
            placeholder={draft.host}
            value={draft.servername}
            spellCheck={false}
            onChange={(e) => update({ servername: e.target.value })}
            {...invalidProps(p, 'servername')}
          />
          <div className="pse-editor__verify">
            <Toggle
              id="profile-verify"
              labelText={t('profiles.field.verify')}
              labelA={t('profiles.off')}
              labelB={t('profiles.on')}
              toggled={draft.verifyServerCert}
              onToggle={(on: boolean) => update({ verifyServerCert: on })}
            />
            {!draft.verifyServerCert && (
              <Tag type="red" renderIcon={WarningFilled} data-testid="insecure-label">
                {t('profiles.editor.insecure')}
              </Tag>
            )}
          </div>
          {!draft.verifyServerCert && <p className="pse-editor__warning">{t('profiles.editor.insecureHint')}</p>}
          <details className="pse-editor__mtls" open={draft.clientCertPem.trim() !== '' || undefined}>
            <summary>{t('profiles.editor.mtls')}</summary>
            <div className="pse-editor__stack">
              <TextArea
                id="profile-client-cert"
                labelText={t('profiles.field.clientCert')}
                rows={4}
                className="pse-editor__pem"
                value={draft.clientCertPem}
                spellCheck={false}
                placeholder="-----BEGIN CERTIFICATE-----"
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => update({ clientCertPem: e.target.value })}
                {...invalidProps(p, 'clientCertPem')}
              />
              {p.clientKey}
            </div>
          </details>
        </div>
      )}
    </fieldset>
  )
}
