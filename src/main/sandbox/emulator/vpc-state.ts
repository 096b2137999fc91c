import { hex } from './state'

/**
 * The VPC side of the emulated account: VPCs with subnets and security groups, and VPE gateways
 * that go `pending` → `stable` (reserved IPs bound) after a delay, as docs/ibm-cloud-gen2-and-
 * restrictions-facts.md §2 describes.
 */
export interface SubnetRecord {
  id: string
  name: string
  cidr: string
  zone: string
  vpcId: string
  /** Next host number handed out as a reserved IP (.4 upwards: IBM keeps the first addresses). */
  nextHost: number
}

export interface SecurityGroupRecord {
  id: string
  name: string
  vpcId: string
  rules: Array<{ id: string; direction: string; protocol: string; port_min: number; port_max: number; remote: { cidr_block: string } }>
  createdAt: string
}

export interface GatewayRecord {
  id: string
  name: string
  vpcId: string
  targetCrn: string
  subnetIds: string[]
  ipNames: string[]
  addresses: string[]
  securityGroupIds: string[]
  resourceGroupId: string
  state: 'pending' | 'stable' | 'failed' | 'deleting'
  willFail: boolean
  createdAt: string
}

export interface VpcRecord {
  id: string
  name: string
  region: string
  defaultSecurityGroupId: string
  createdAt: string
}

export interface VpcSeed {
  region: string
  name: string
  /** Zones with one subnet each (default 3: <region>-1 … -3). */
  zones?: number
}

export class VpcState {
  readonly vpcs: VpcRecord[] = []
  readonly subnets: SubnetRecord[] = []
  readonly securityGroups: SecurityGroupRecord[] = []
  readonly gateways: GatewayRecord[] = []

  constructor(
    readonly accountId: string,
    seeds: VpcSeed[]
  ) {
    seeds.forEach((seed, n) => this.addVpc(seed, n))
  }

  addVpc(seed: VpcSeed, n = this.vpcs.length): VpcRecord {
    const now = new Date().toISOString()
    const vpc: VpcRecord = {
      id: regionalId(seed.region),
      name: seed.name,
      region: seed.region,
      defaultSecurityGroupId: regionalId(seed.region),
      createdAt: now
    }
    this.vpcs.push(vpc)
    this.securityGroups.push({ id: vpc.defaultSecurityGroupId, name: `${seed.name}-default-sg`, vpcId: vpc.id, rules: [], createdAt: now })
    for (let z = 1; z <= (seed.zones ?? 3); z++) {
      this.subnets.push({
        id: regionalId(seed.region),
        name: `${seed.name}-subnet-${z}`,
        cidr: `10.${240 + n}.${(z - 1) * 64}.0/24`,
        zone: `${seed.region}-${z}`,
        vpcId: vpc.id,
        nextHost: 4
      })
    }
    return vpc
  }

  vpcCrn(vpc: VpcRecord): string {
    return `crn:v1:bluemix:public:is:${vpc.region}:a/${this.accountId}::vpc:${vpc.id}`
  }

  /** A reserved IP in the subnet: the network part of its /24 plus the next free host number. */
  reserveAddress(subnet: SubnetRecord): string {
    const prefix = subnet.cidr.split('.').slice(0, 3).join('.')
    return `${prefix}.${subnet.nextHost++}`
  }
}

/** VPC ids look like `r022-<uuid>` (the prefix names the region's zone family). */
function regionalId(region: string): string {
  const code = { 'jp-tok': 'r022', 'jp-osa': 'r034', 'eu-de': 'r010', 'us-south': 'r006', 'us-east': 'r014' }[region] ?? 'r999'
  const h = hex(16)
  return `${code}-${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${hex(6)}`
}
