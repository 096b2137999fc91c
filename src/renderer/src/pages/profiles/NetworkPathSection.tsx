import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PasswordInput, RadioButton, RadioButtonGroup, Select, SelectItem, TextInput } from '@carbon/react'
import { invalidProps, type SectionProps } from './form'
import { formatJumps, type PathDraft } from './draft'
import { profilesApi } from './api'
import { toAppError } from '../../api/errors'

interface Props extends SectionProps {
  /** SSH key passphrase or password typed for the next test (never saved by this screen). */
  sshSecret: string
  onSshSecret(value: string): void
  /** Shown instead of the input when the profile already keeps an SSH secret in the keychain. */
  storedSshSecret?: ReactNode
}

/** Direct, through an SSH bastion host, or from a short-lived pod in the user's cluster. */
export function NetworkPathSection(p: Props) {
  const { t } = useTranslation()
  const path = p.draft.path
  const setPath = (patch: Partial<PathDraft>): void => p.update({ path: { ...path, ...patch } })
  const setSsh = (patch: Partial<PathDraft['ssh']>): void => setPath({ ssh: { ...path.ssh, ...patch } })
  const setPod = (patch: Partial<PathDraft['pod']>): void => setPath({ pod: { ...path.pod, ...patch } })

  return (
    <fieldset className="pse-editor__section" data-testid="section-path" id="section-path">
      <legend className="pse-editor__legend">{t('profiles.editor.path')}</legend>
      <RadioButtonGroup
        name="profile-path"
        legendText={t('profiles.field.pathKind')}
        valueSelected={path.kind}
        onChange={(value: string | number | undefined) => setPath({ kind: value as PathDraft['kind'] })}
      >
        <RadioButton id="path-direct" value="direct" labelText={t('profiles.path.direct')} />
        <RadioButton id="path-ssh" value="ssh" labelText={t('profiles.path.ssh')} />
        <RadioButton id="path-pod" value="pod" labelText={t('profiles.path.pod')} />
      </RadioButtonGroup>
      <p className="pse-editor__hint">{t(`profiles.path.${path.kind}Hint`)}</p>

      {path.kind === 'ssh' && (
        <div className="pse-editor__grid" data-testid="ssh-fields">
          <SshAliasPicker
            value={path.ssh.sshConfigAlias}
            onResolved={(alias, r) =>
              setSsh({
                sshConfigAlias: alias,
                host: r.host,
                port: String(r.port),
                ...(r.username ? { username: r.username } : {}),
                ...(r.identityFile ? { method: 'key' as const, privateKeyPath: r.identityFile } : {}),
                jumpsText: formatJumps(
                  r.jumps.map((j) => ({ host: j.host, port: String(j.port), username: j.username ?? path.ssh.username, privateKeyPath: j.identityFile ?? '' }))
                )
              })
            }
          />
          <TextInput
            id="ssh-host"
            className="pse-editor__wide"
            labelText={t('profiles.field.sshHost')}
            value={path.ssh.host}
            spellCheck={false}
            onChange={(e) => setSsh({ host: e.target.value })}
            {...invalidProps(p, 'ssh.host')}
          />
          <TextInput
            id="ssh-port"
            labelText={t('profiles.field.sshPort')}
            inputMode="numeric"
            value={path.ssh.port}
            onChange={(e) => setSsh({ port: e.target.value })}
            {...invalidProps(p, 'ssh.port')}
          />
          <TextInput
            id="ssh-username"
            labelText={t('profiles.field.sshUser')}
            value={path.ssh.username}
            autoComplete="off"
            onChange={(e) => setSsh({ username: e.target.value })}
            {...invalidProps(p, 'ssh.username')}
          />
          <Select
            id="ssh-method"
            labelText={t('profiles.field.sshMethod')}
            value={path.ssh.method}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setSsh({ method: e.target.value as PathDraft['ssh']['method'] })}
          >
            <SelectItem value="key" text={t('profiles.path.methodKey')} />
            <SelectItem value="agent" text={t('profiles.path.methodAgent')} />
            <SelectItem value="password" text={t('profiles.path.methodPassword')} />
          </Select>
          {path.ssh.method === 'key' && (
            <TextInput
              id="ssh-key-path"
              className="pse-editor__wide"
              labelText={t('profiles.field.sshKeyPath')}
              helperText={t('profiles.field.sshKeyPathHint')}
              value={path.ssh.privateKeyPath}
              spellCheck={false}
              onChange={(e) => setSsh({ privateKeyPath: e.target.value })}
              {...invalidProps(p, 'ssh.privateKeyPath')}
            />
          )}
          {path.ssh.method !== 'agent' && p.storedSshSecret && <div className="pse-editor__wide">{p.storedSshSecret}</div>}
          {path.ssh.method !== 'agent' && !p.storedSshSecret && (
            <PasswordInput
              id="ssh-secret"
              className="pse-editor__wide"
              labelText={path.ssh.method === 'key' ? t('profiles.field.sshPassphrase') : t('profiles.field.sshPassword')}
              helperText={t('profiles.field.sshSecretHint')}
              value={p.sshSecret}
              autoComplete="off"
              onChange={(e) => p.onSshSecret(e.target.value)}
              showPasswordLabel={t('common.secret.reveal')}
              hidePasswordLabel={t('common.secret.hide')}
            />
          )}
          <TextInput
            id="ssh-jumps"
            className="pse-editor__wide"
            labelText={t('profiles.field.sshJumps')}
            helperText={t('profiles.field.sshJumpsHint')}
            placeholder="user@jump1.example.com:22, user@jump2"
            value={path.ssh.jumpsText}
            spellCheck={false}
            onChange={(e) => setSsh({ jumpsText: e.target.value })}
            {...invalidProps(p, 'ssh.jumps')}
          />
          {path.ssh.hostKeyFingerprint && (
            <p className="pse-editor__hint pse-editor__wide">
              {t('profiles.hostKey.pinned')} <code>{path.ssh.hostKeyFingerprint}</code>
            </p>
          )}
        </div>
      )}

      {path.kind === 'pod' && (
        <div className="pse-editor__grid" data-testid="pod-fields">
          <Select
            id="pod-tool"
            labelText={t('profiles.field.podTool')}
            value={path.pod.tool}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setPod({ tool: e.target.value as 'oc' | 'kubectl' })}
          >
            <SelectItem value="kubectl" text="kubectl" />
            <SelectItem value="oc" text="oc (OpenShift)" />
          </Select>
          <TextInput
            id="pod-binary"
            labelText={t('profiles.field.podBinary')}
            helperText={t('profiles.field.podBinaryHint')}
            value={path.pod.binaryPath}
            spellCheck={false}
            onChange={(e) => setPod({ binaryPath: e.target.value })}
            {...invalidProps(p, 'pod.binaryPath')}
          />
          <TextInput
            id="pod-context"
            labelText={t('profiles.field.podContext')}
            helperText={t('profiles.field.podContextHint')}
            value={path.pod.context}
            spellCheck={false}
            onChange={(e) => setPod({ context: e.target.value })}
            {...invalidProps(p, 'pod.context')}
          />
          <TextInput
            id="pod-namespace"
            labelText={t('profiles.field.podNamespace')}
            value={path.pod.namespace}
            spellCheck={false}
            onChange={(e) => setPod({ namespace: e.target.value })}
            {...invalidProps(p, 'pod.namespace')}
          />
          <TextInput
            id="pod-image"
            className="pse-editor__wide"
            labelText={t('profiles.field.podImage')}
            helperText={t('profiles.field.podImageHint')}
            placeholder="redis:7"
            value={path.pod.image}
            spellCheck={false}
            onChange={(e) => setPod({ image: e.target.value })}
            {...invalidProps(p, 'pod.image')}
          />
        </div>
      )}
    </fieldset>
  )
}

type Resolved = Awaited<ReturnType<typeof profilesApi.resolveSshAlias>>

/** "Fill from ~/.ssh/config": Host aliases, resolved (HostName, Port, User, IdentityFile, ProxyJump) in main. */
function SshAliasPicker({ value, onResolved }: { value: string | null; onResolved(alias: string, resolved: Resolved): void }) {
  const { t } = useTranslation()
  const [aliases, setAliases] = useState<string[]>([])
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    profilesApi.sshAliases().then(
      (r) => setAliases(r.aliases),
      () => setAliases([])
    )
  }, [])
  if (aliases.length === 0) return null
  return (
    <Select
      id="ssh-alias"
      className="pse-editor__wide"
      labelText={t('profiles.field.sshAlias')}
      helperText={problem ?? t('profiles.field.sshAliasHint')}
      value={value ?? ''}
      onChange={(e: React.ChangeEvent<HTMLSelectElement>) => {
        const alias = e.target.value
        if (!alias) return
        setProblem(undefined)
        profilesApi.resolveSshAlias(alias).then(
          (r) => onResolved(alias, r),
          (err: unknown) => setProblem(toAppError(err).message)
        )
      }}
    >
      <SelectItem value="" text={t('profiles.field.sshAliasNone')} />
      {aliases.map((a) => (
        <SelectItem key={a} value={a} text={a} />
      ))}
    </Select>
  )
}
