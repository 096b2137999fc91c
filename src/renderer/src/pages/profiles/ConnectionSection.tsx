import { useTranslation } from 'react-i18next'
import { NumberInput, TextInput } from '@carbon/react'
import { invalidProps, type SectionProps } from './form'

const num = (v: string | number): string => String(v)

/** Name, tags, host, port, database and ACL user. */
export function ConnectionSection(p: SectionProps) {
  const { t } = useTranslation()
  const { draft, update } = p
  return (
    <fieldset className="pse-editor__section" data-testid="section-connection">
      <legend className="pse-editor__legend">{t('profiles.editor.connection')}</legend>
      <div className="pse-editor__grid">
        <TextInput
          id="profile-name"
          labelText={t('profiles.field.name')}
          value={draft.name}
          onChange={(e) => update({ name: e.target.value })}
          {...invalidProps(p, 'name')}
        />
        <TextInput
          id="profile-tags"
          labelText={t('profiles.field.tags')}
          helperText={t('profiles.field.tagsHint')}
          value={draft.tags}
          onChange={(e) => update({ tags: e.target.value })}
          {...invalidProps(p, 'tags')}
        />
        <TextInput
          id="profile-host"
          className="pse-editor__wide"
          labelText={t('profiles.field.host')}
          value={draft.host}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => update({ host: e.target.value })}
          {...invalidProps(p, 'host')}
        />
        <TextInput
          id="profile-port"
          labelText={t('profiles.field.port')}
          inputMode="numeric"
          value={draft.port}
          onChange={(e) => update({ port: e.target.value })}
          {...invalidProps(p, 'port')}
        />
        <TextInput
          id="profile-db"
          labelText={t('profiles.field.db')}
          inputMode="numeric"
          value={draft.db}
          onChange={(e) => update({ db: e.target.value })}
          {...invalidProps(p, 'db')}
        />
        <TextInput
          id="profile-username"
          labelText={t('profiles.field.username')}
          helperText={t('profiles.field.usernameHint')}
          value={draft.username}
          autoComplete="off"
          onChange={(e) => update({ username: e.target.value })}
          {...invalidProps(p, 'username')}
        />
        <div className="pse-editor__pair">
          <NumberInput
            id="profile-connect-ms"
            label={t('profiles.field.connectMs')}
            min={100}
            max={120000}
            step={500}
            value={draft.connectMs}
            onChange={(_e: unknown, { value }: { value: string | number }) => update({ connectMs: num(value) })}
            {...invalidProps(p, 'connectMs')}
          />
          <NumberInput
            id="profile-command-ms"
            label={t('profiles.field.commandMs')}
            min={100}
            max={120000}
            step={500}
            value={draft.commandMs}
            onChange={(_e: unknown, { value }: { value: string | number }) => update({ commandMs: num(value) })}
            {...invalidProps(p, 'commandMs')}
          />
        </div>
      </div>
    </fieldset>
  )
}
