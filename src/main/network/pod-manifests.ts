/**
 * The temporary Secret and the short-lived Pod of the in-cluster test. The Secret holds the CA,
 * the password and the user name; the Pod reads them through env `valueFrom` and a read-only
 * volume, so no secret is in any argv or in the Pod spec. The probe script is plain POSIX sh
 * (runs on the official Debian and Alpine Redis images) and prints one `PSE ...` line per fact.
 * With TLS verification on, it needs `openssl` in the image as well (redis-cli never checks the
 * host name): without it the script stops before any connection carries the password.
 */
export interface PodProbeTarget {
  host: string
  port: number
  tls: boolean
  /** SNI; defaults to host. */
  servername?: string
  /** PEM of the CA to trust; the image's system store when absent. */
  caPem?: string
  verify: boolean
  username?: string
  password?: string
  db?: number
}

export const MANAGED_BY_LABEL = { 'app.kubernetes.io/managed-by': 'pse-wizard', 'app.kubernetes.io/component': 'connection-test' } as const
/** Fully qualified: CRI-O (OpenShift) may refuse short image names. */
export const DEFAULT_POD_IMAGE = 'docker.io/library/redis:7'
export const POD_DEADLINE_SECONDS = 120

export function secretManifest(name: string, target: PodProbeTarget): object {
  const data: Record<string, string> = {}
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
  if (target.caPem) data['ca.pem'] = b64(target.caPem)
  if (target.password) data.password = b64(target.password)
  if (target.username) data.username = b64(target.username)
  return { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name, labels: { ...MANAGED_BY_LABEL } }, data }
}

export function podManifest(name: string, secretName: string, image: string, target: PodProbeTarget, scratchKey: string): object {
  const plain = (n: string, value: string) => ({ name: n, value })
  const fromSecret = (n: string, key: string) => ({ name: n, valueFrom: { secretKeyRef: { name: secretName, key, optional: true } } })
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { ...MANAGED_BY_LABEL } },
    spec: {
      restartPolicy: 'Never',
      activeDeadlineSeconds: POD_DEADLINE_SECONDS,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      containers: [
        {
          name: 'probe',
          image,
          imagePullPolicy: 'IfNotPresent',
          command: ['sh', '-c', PROBE_SCRIPT],
          env: [
            plain('PSE_HOST', target.host),
            plain('PSE_PORT', String(target.port)),
            plain('PSE_TLS', target.tls ? '1' : '0'),
            plain('PSE_SNI', target.servername ?? target.host),
            plain('PSE_CA', target.caPem ? '/etc/pse/ca.pem' : ''),
            plain('PSE_VERIFY', target.verify ? '1' : '0'),
            plain('PSE_DB', String(target.db ?? 0)),
            plain('PSE_KEY', scratchKey),
            fromSecret('PSE_USER', 'username'),
            // redis-cli reads the password from REDISCLI_AUTH: never on its command line.
            fromSecret('REDISCLI_AUTH', 'password')
          ],
          volumeMounts: [{ name: 'pse', mountPath: '/etc/pse', readOnly: true }],
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }
        }
      ],
      volumes: [{ name: 'pse', secret: { secretName, optional: true, items: target.caPem ? [{ key: 'ca.pem', path: 'ca.pem' }] : [] } }]
    }
  }
}

/** Printed as `PSE phase NAME ok|fail MS TEXT`, `PSE info KEY:VALUE`, `PSE done`. */
export const PROBE_SCRIPT = `
now() { t=$(date +%s%N 2>/dev/null); case "$t" in *N*|'') echo $(( $(date +%s) * 1000 ));; *) echo $(( t / 1000000 ));; esac; }
lim() { if command -v timeout >/dev/null 2>&1; then timeout 15 "$@"; else "$@"; fi; }
# Only the redis-cli runs meant to log in see the password (authed runs in a subshell).
PSE_PW=\${REDISCLI_AUTH:-}; unset REDISCLI_AUTH
authed() { [ -n "$PSE_PW" ] && export REDISCLI_AUTH="$PSE_PW"; lim redis-cli "$@"; }
set -- -h "$PSE_HOST" -p "$PSE_PORT" -n "$PSE_DB" --no-auth-warning
if [ "$PSE_TLS" = 1 ]; then
  set -- "$@" --tls --sni "$PSE_SNI"
  [ -n "$PSE_CA" ] && set -- "$@" --cacert "$PSE_CA"
  [ "$PSE_VERIFY" = 1 ] || set -- "$@" --insecure
fi
[ -n "\${PSE_USER:-}" ] && set -- "$@" --user "$PSE_USER"
one() { printf '%s' "$1" | tr '\\r\\n' '  ' | cut -c1-300; }
phase() { echo "PSE phase $1 $2 $(( $(now) - T0 )) $(one "$3")"; }
echo "PSE start $(redis-cli --version 2>&1 | head -n1)"
T0=$(now)
if command -v getent >/dev/null 2>&1; then
  A=$(getent ahosts "$PSE_HOST" 2>/dev/null | awk '{print $1}' | sort -u | tr '\\n' ' ')
  if [ -z "$A" ]; then phase dns fail "Name or service not known"; echo "PSE done"; exit 0; fi
  phase dns ok "$A"
fi
# redis-cli (hiredis) verifies the certificate chain but never the host name: without openssl
# the host name cannot be checked, so stop here, before any connection carries the password.
if [ "$PSE_TLS" = 1 ] && [ "$PSE_VERIFY" = 1 ] && ! command -v openssl >/dev/null 2>&1; then
  echo "PSE tls-unverifiable no-openssl"; echo "PSE done"; exit 0
fi
T0=$(now)
OUT=$(lim redis-cli "$@" PING 2>&1)
case "$OUT" in
  *PONG*|*NOAUTH*|*WRONGPASS*|*NOPERM*|*"Authentication required"*) CONNECTED=1 ;;
  *"verify failed"*) CONNECTED=0 ;;
  '') phase connect fail "no answer within 15 s"; echo "PSE done"; exit 0 ;;
  *) phase connect fail "$OUT"; echo "PSE done"; exit 0 ;;
esac
# redis-cli checks the chain but not the host name, and says only "verify failed":
# openssl checks both and says why, before the password is sent.
if [ "$PSE_TLS" = 1 ] && [ "$PSE_VERIFY" = 1 ]; then
  case "$PSE_SNI" in *[!0-9.]*) VH=-verify_hostname ;; *) VH=-verify_ip ;; esac
  V=$(echo | lim openssl s_client -connect "$PSE_HOST:$PSE_PORT" -servername "$PSE_SNI" $VH "$PSE_SNI" \${PSE_CA:+-CAfile "$PSE_CA"} -verify_return_error 2>&1)
  case "$V" in
    *"Verify return code: 0 (ok)"*) echo "PSE tls-verified openssl" ;;
    *) phase connect fail "$(printf '%s' "$V" | grep -iE 'verify error|error:' | head -n2)"; echo "PSE done"; exit 0 ;;
  esac
fi
if [ "$CONNECTED" = 1 ]; then phase connect ok "$OUT"; else phase connect fail "$OUT"; echo "PSE done"; exit 0; fi
T0=$(now)
OUT=$(authed "$@" PING 2>&1)
case "$OUT" in *PONG*) phase auth ok "" ;; *) phase auth fail "$OUT"; echo "PSE done"; exit 0 ;; esac
T0=$(now)
OUT=$(printf 'PING\\nPING\\nPING\\nPING\\nPING\\n' | authed "$@" 2>&1)
case "$OUT" in *PONG*) phase ping ok "5 PINGs on one connection" ;; *) phase ping fail "$OUT" ;; esac
T0=$(now)
OUT=$(printf 'SET %s 1 PX 30000\\nGET %s\\nDEL %s\\n' "$PSE_KEY" "$PSE_KEY" "$PSE_KEY" | authed "$@" 2>&1)
case "$OUT" in *NOPERM*) phase write ok "read-only user" ;; OK*) phase write ok "" ;; *) phase write fail "$OUT" ;; esac
T0=$(now)
OUT=$(printf 'INFO server\\nINFO replication\\n' | authed "$@" 2>&1)
case "$OUT" in *redis_version*) phase info ok "" ;; *) phase info fail "$OUT" ;; esac
printf '%s\\n' "$OUT" | tr -d '\\r' | grep -E '^(redis_version|redis_mode|role):' | sed 's/^/PSE info /'
echo "PSE done"
`.trim()
