import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, CodeSnippet } from '@carbon/react'
import { call } from '../../../api/client'
import type { ConnectionInfo, EndpointType } from '../../../../../shared/schemas/ibmcloud'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { VpePanel } from './VpePanel'

/**
 * Step 6: connection strings (with IBM's $PASSWORD placeholder), the CA, and commands to copy.
 * Gen 2: the VPE domain and port, and the VPE gateway (billed: created only on the user's click);
 * Gen 1 with a VPC in the deploy form: the same gateway, optional.
 */
export function ConnectionStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const started = useRef(false)
  const { public: pub, private: priv } = state.connections
  const gen2 = state.instance?.generation === 'gen2'
  const fetch = () => void run('connection', () => call('wizard.fetchConnection', {}))

  // Reading Gen 1's connection information changes nothing: fetch it as soon as the step opens (Gen 2's step creates a gateway).
  useEffect(() => {
    if (gen2 || started.current || pub || priv || busy || state.steps.connection.status !== 'ready') return
    started.current = true
    fetch()
  })

  const redli = (id: string) => state.cli.test.find((c) => c.id === id)?.command
  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="connection" title={t('setup.connection.title')} lead={gen2 ? t('vpe.lead') : t('setup.connection.lead')} {...(gen2 ? { changes: true } : {})} />
      {!gen2 && (
        <div className="pse-setup__actions">
          <Button kind={pub || priv ? 'tertiary' : 'primary'} disabled={busy} onClick={fetch} data-testid="connection-fetch">
            {t('setup.connection.fetch')}
          </Button>
        </div>
      )}
      {(pub || priv) && (
        <div className="pse-setup__endpoints">
          {!gen2 && <Endpoint endpoint="public" info={pub} redli={redli('redli_public')} redisCli={redli('rediscli_public')} />}
          {/* Gen 2: IBM's own redis-cli line (SNI, system roots); the Gen 1 lines name a CA file Gen 2 has none of. */}
          <Endpoint endpoint="private" info={priv} {...(gen2 ? {} : { redli: redli('redli_private'), redisCli: redli('rediscli_private') })} />
        </div>
      )}
      {(gen2 || (state.deploy?.form?.vpcId && priv)) && <VpePanel state={state} run={run} busy={busy} optional={!gen2} />}
    </section>
  )
}

function Endpoint({ endpoint, info, redli, redisCli }: { endpoint: EndpointType; info: ConnectionInfo | null; redli?: string; redisCli?: string }) {
  const { t } = useTranslation()
  const [showCa, setShowCa] = useState(false)
  const title = t(`setup.connection.${endpoint}`)
  if (!info) {
    return (
      <section className="pse-setup__endpoint" aria-label={title}>
        <h3 className="pse-setup__subtitle">{title}</h3>
        <p className="pse-setup__hint">{t('setup.connection.none', { endpoint: title })}</p>
      </section>
    )
  }
  return (
    <section className="pse-setup__endpoint" aria-label={title} data-testid={`connection-${endpoint}`}>
      {/* The host is in the snippet below, whole: a tag would cut a long IBM host name short. */}
      <h3 className="pse-setup__subtitle">{title}</h3>
      <Labelled label={info.servername ? t('vpe.domain') : t('setup.connection.host')}>
        <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')}>
          {`${info.hostname}:${info.port}`}
        </CodeSnippet>
      </Labelled>
      <Labelled label={t('setup.connection.uri')}>
        <CodeSnippet type="single" feedback={t('common.copied')} aria-label={t('common.copy')} data-testid={`uri-${endpoint}`}>
          {info.uri}
        </CodeSnippet>
      </Labelled>
      <Labelled label={t('setup.connection.commands')}>
        {info.cliCommand && (
          <CodeSnippet type="multi" wrapText feedback={t('common.copied')} aria-label={t('setup.connection.ibmCommand')}>
            {`# ${t('setup.connection.ibmCommand')}\n${info.cliCommand}`}
          </CodeSnippet>
        )}
        {redli && (
          <CodeSnippet type="multi" wrapText feedback={t('common.copied')} aria-label={t('setup.connection.redli')}>
            {`# ${t('setup.connection.redli')}\n${redli}`}
          </CodeSnippet>
        )}
        {redisCli && (
          <CodeSnippet type="multi" wrapText feedback={t('common.copied')} aria-label="redis-cli" data-testid={`redis-cli-${endpoint}`}>
            {`# redis-cli\n${redisCli}`}
          </CodeSnippet>
        )}
      </Labelled>
      <Labelled label={`${t('setup.connection.ca')}${info.caName ? ` (${info.caName})` : ''}`}>
        {info.caPem === '' ? (
          <p data-testid={`public-trust-${endpoint}`}>{t('vpe.publicTrust')}</p>
        ) : (
          <>
            <Button kind="ghost" size="sm" onClick={() => setShowCa(!showCa)} aria-expanded={showCa}>
              {showCa ? t('setup.connection.caHide') : t('setup.connection.caShow')}
            </Button>
            {showCa && (
              <CodeSnippet type="multi" feedback={t('common.copied')} aria-label={t('setup.connection.ca')}>
                {info.caPem}
              </CodeSnippet>
            )}
          </>
        )}
      </Labelled>
    </section>
  )
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="pse-setup__labelled">
      <p className="cds--label">{label}</p>
      {children}
    </div>
  )
}
