import { AppFailure } from '../../../src/shared/errors'
import type { ConnectionInfo } from '../../../src/shared/schemas/ibmcloud'
import type { VpeGateway, VpeGatewayRequest, VpeSubnet, WizardVpcServices } from '../../../src/main/wizard/services'

export const GEN2_HOST = 'guid-2.private.uhp.redis.jp-tok.dataservices.appdomain.cloud'

export const gen2Conn = (): ConnectionInfo => ({
  endpoint: 'private',
  hostname: GEN2_HOST,
  port: 6379,
  username: '',
  database: 0,
  uri: `rediss://$USERNAME:$PASSWORD@${GEN2_HOST}:6379/0`,
  caPem: '',
  servername: GEN2_HOST
})

interface FakeGateway extends VpeGateway {
  vpcId: string
  targetCrn: string
  polls: number
}

/** An in-memory VPC for the VPE step's unit tests: gateways turn stable (or failed) after `pollsToStable` reads. */
export interface FakeVpc {
  services: WizardVpcServices
  calls: string[]
  subnets: VpeSubnet[]
  groups: Array<{ id: string; name: string }>
  gateways: FakeGateway[]
  /** The next created gateway ends failed. */
  failNext: boolean
  /** Errors thrown by the next waitForGateway calls, in order. */
  waitErrors: Error[]
  pollsToStable: number
}

export function fakeVpc(): FakeVpc {
  let made = 0
  const subnets: VpeSubnet[] = [1, 2, 3].map((z) => ({ id: `sn-${z}`, name: `subnet-${z}`, cidr: `10.240.${(z - 1) * 64}.0/24`, zone: `jp-tok-${z}` }))
  const ctl: FakeVpc = {
    calls: [],
    subnets,
    groups: [{ id: 'sg-default', name: 'default' }],
    gateways: [],
    failNext: false,
    waitErrors: [],
    pollsToStable: 2,
    services: {
      hiccupDelayMs: 1,
      gen2Connection: async () => gen2Conn(),
      subnets: async () => ctl.subnets,
      securityGroups: async () => ctl.groups,
      ensureSecurityGroup: async (_r, req) => {
        ctl.calls.push(`ensureSecurityGroup:${req.name}:${req.port}:${req.clientCidrs.join(',')}`)
        const found = ctl.groups.find((g) => g.name === req.name)
        if (found) return { ...found, created: false }
        const g = { id: `sg-${ctl.groups.length}`, name: req.name }
        ctl.groups.push(g)
        return { ...g, created: true }
      },
      findGateway: async (_r, vpcId, crn) => {
        const g = ctl.gateways.find((x) => x.vpcId === vpcId && x.targetCrn === crn)
        return g ? view(g) : undefined
      },
      createGateway: async (_r, req: VpeGatewayRequest) => {
        ctl.calls.push(`createGateway:${req.name}:${req.subnets.map((s) => s.id).join(',')}:${req.securityGroupIds.join(',')}`)
        if (ctl.gateways.some((x) => x.vpcId === req.vpcId && x.targetCrn === req.targetCrn)) throw new AppFailure({ code: 'ibm_conflict', message: 'second gateway' })
        const g: FakeGateway = {
          id: `gw-${++made}`,
          name: req.name,
          lifecycleState: 'pending',
          reasons: ctl.failNext ? 'internal error' : '',
          ips: req.subnets.map((s) => ({ address: '0.0.0.0', subnetId: s.id })),
          securityGroupIds: req.securityGroupIds,
          vpcId: req.vpcId,
          targetCrn: req.targetCrn,
          polls: ctl.failNext ? -1 : 0
        }
        ctl.failNext = false
        ctl.gateways.push(g)
        return { gateway: view(g), created: true }
      },
      deleteGateway: async (_r, { id }) => {
        ctl.calls.push(`deleteGateway:${id}`)
        ctl.gateways = ctl.gateways.filter((g) => g.id !== id)
      },
      waitForGateway: async (_r, id, _signal, onProgress) => {
        ctl.calls.push(`waitForGateway:${id}`)
        for (;;) {
          const error = ctl.waitErrors.shift()
          if (error) throw error
          const g = ctl.gateways.find((x) => x.id === id)
          if (!g) throw new AppFailure({ code: 'ibm_not_found', message: 'gone' })
          if (g.polls < 0) g.lifecycleState = 'failed'
          else if (++g.polls >= ctl.pollsToStable) {
            g.lifecycleState = 'stable'
            g.ips = g.ips.map((ip, i) => ({ ...ip, address: `10.240.${i * 64}.4` }))
          }
          onProgress(view(g))
          if (g.lifecycleState === 'failed')
            throw new AppFailure({ code: 'ibm_vpe_failed', message: `The VPE gateway ${g.name} failed.`, params: { name: g.name, reasons: g.reasons } })
          if (g.lifecycleState === 'stable') return view(g)
        }
      }
    }
  }
  return ctl
}

const view = (g: FakeGateway): VpeGateway => ({
  id: g.id,
  name: g.name,
  lifecycleState: g.lifecycleState,
  reasons: g.reasons,
  ips: g.ips.map((ip) => ({ ...ip })),
  securityGroupIds: [...g.securityGroupIds]
})
