import type { NetworkPathKind } from '../../shared/schemas/network-path'
import type { PathDiagnosis, PathSuggestion, ReachabilityCase } from '../../shared/schemas/network'
import type { ProbeResult } from '../../shared/schemas/probe'
import { classifyAddress } from '../redis/address-class'

/**
 * Why a private endpoint failed from here, and which paths would reach it. Pure: it reads the
 * probe's result (DNS answers and failure code), so tests produce every case by injecting DNS
 * answers and routing TCP to a silent loopback port through the probe's hooks.
 */
export interface DiagnosisContext {
  /** The path the failing test used. */
  currentPath: NetworkPathKind
  /** The profile says this is a private endpoint (IBM Cloud origin, or a `.private.` host). */
  privateEndpoint?: boolean
}

const UNANSWERED = new Set(['private_endpoint_unreachable', 'tcp_timeout', 'timeout'])

export function diagnoseReachability(result: Pick<ProbeResult, 'dns' | 'target'> & { code: string | null }, context: DiagnosisContext): PathDiagnosis | null {
  const host = result.target.host
  const addresses = result.dns.addresses
  const privateName = context.privateEndpoint || isPrivateEndpointName(host)
  let kase: ReachabilityCase | undefined
  if (result.code === 'dns_not_found' && privateName) kase = 'private_dns_unreachable'
  else if (result.code && UNANSWERED.has(result.code) && addresses.length > 0) {
    const classes = addresses.map(classifyAddress)
    if (classes.includes('ibm_service_endpoint')) kase = 'not_on_private_network'
    else if (classes.includes('private') && privateName) kase = 'vpe_unreachable'
  }
  if (!kase) return null
  return { case: kase, message: messages[kase](host, addresses), addresses, suggestions: suggestionsFor(kase, context.currentPath) }
}

/**
 * `<guid>.<cluster>.private.databases.appdomain.cloud` (Gen 1), `<guid>.private.<…>.dataservices.appdomain.cloud`
 * (Gen 2, reached only through a VPE) and other IBM Cloud private names.
 */
export function isPrivateEndpointName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  return (
    /\.private\.databases\.appdomain\.cloud$/.test(h) ||
    /\.private\.([a-z0-9-]+\.)*dataservices\.appdomain\.cloud$/.test(h) ||
    /(^|\.)private\.[a-z0-9.-]+\.cloud\.ibm\.com$/.test(h)
  )
}

const list = (a: string[]) => (a.length > 3 ? `${a.slice(0, 3).join(', ')}…` : a.join(', '))

const messages: Record<ReachabilityCase, (host: string, addresses: string[]) => string> = {
  not_on_private_network: (host, a) =>
    `${host} resolves to ${list(a)}, in IBM Cloud's service endpoint network (166.8.0.0/14), but nothing answered: this computer is not on the IBM Cloud private network. That is expected on a laptop on the internet.`,
  private_dns_unreachable: (host) =>
    `${host} does not resolve here. Private endpoint names are answered only by IBM Cloud's private DNS, which this computer cannot reach.`,
  vpe_unreachable: (host, a) =>
    `${host} resolves to ${list(a)}, a private VPC address (a Virtual Private Endpoint), but nothing answered: it is reachable only from inside that VPC or a network connected to it.`
}

const titles: Record<NetworkPathKind, string> = {
  direct: 'Direct: VPN or Direct Link',
  ssh: 'Through an SSH bastion',
  pod: 'From a pod in your cluster'
}

const actions: Record<ReachabilityCase, Record<NetworkPathKind, string>> = {
  not_on_private_network: {
    direct:
      'Connect this computer to the IBM Cloud private network (client-to-site VPN, Direct Link, or run the app on a server inside IBM Cloud), then test again.',
    ssh: 'Tunnel through a virtual server in IBM Cloud (classic or VPC) that reaches service endpoints; you need SSH access to it.',
    pod: 'Test from a short-lived pod in an IBM Cloud Kubernetes or OpenShift cluster; you need oc or kubectl logged in to it.'
  },
  private_dns_unreachable: {
    direct: 'Use a VPN or Direct Link that also forwards DNS to IBM Cloud private DNS, then test again.',
    ssh: 'Tunnel through a virtual server in IBM Cloud: it resolves private names with IBM Cloud DNS.',
    pod: 'Test from a pod in an IBM Cloud cluster: its DNS resolves private names.'
  },
  vpe_unreachable: {
    direct: 'Connect with a client-to-site VPN into the VPC of the endpoint (or a network joined to it by Transit Gateway), then test again.',
    ssh: 'Tunnel through a virtual server in the same VPC as the endpoint.',
    pod: 'Test from a pod in a cluster that runs in the same VPC as the endpoint.'
  }
}

function suggestionsFor(kase: ReachabilityCase, current: NetworkPathKind): PathSuggestion[] {
  const order: NetworkPathKind[] = ['ssh', 'pod', 'direct']
  return order
    .map((kind) => ({ kind, current: kind === current, title: titles[kind], action: actions[kase][kind] }))
    .sort((a, b) => Number(a.current) - Number(b.current))
}
