/** The deploy step's generation choice and Gen 2 fields (the Gen 1 form's texts are in setup/en.ts). */
export const deployGen2En = {
  generation: {
    legend: 'Generation',
    gen1: 'Gen 1 (classic)',
    gen1Needs: 'Needs a classic account with VRF and service endpoints enabled. You get an instance with private (and, if you choose, public) service endpoints.',
    gen2: 'Gen 2 (VPC)',
    gen2Needs: 'Needs a VPC with a subnet in the region. You get a private-only instance, reached through a Virtual Private Endpoint (VPE) gateway in that VPC.',
    unavailable: 'Not available here: {{reason}}',
    checkedFor: 'Step 2 checked this account for {{generation}}.'
  },
  hostFlavor: 'Host flavor',
  hostFlavorHelp: 'CPU and RAM per member come with the flavor (for example bx3d.4x20 = 4 cores, 20 GB RAM).',
  storage: 'Storage per member (GB)',
  storageHelp: '10 to 4000 GB. Redis runs 2 members; IBM bills the total (2 × this size).',
  vpc: 'VPC',
  vpcHelp: 'The VPC your applications run in: the private endpoint (VPE gateway) goes there.',
  vpcNone: 'There is no VPC with a subnet in {{region}}. Create one there, or choose Gen 1.',
  vpcOption: '{{name}} ({{count}} subnets)',
  subnets: 'Subnets for the private endpoint',
  subnetsHelp: 'One reserved IP address per subnet; at most one subnet per zone. Chosen by default: one per zone.',
  subnetOption: '{{name}} · {{zone}} · {{cidr}}',
  privateOnly: 'Private only: a Gen 2 instance has no public endpoint. It is reached only from inside the VPC (or a VPN or Direct Link into it).',
  invalid: {
    generation: 'Choose a generation.',
    gen2HostFlavor: 'Choose a host flavor.',
    storageGbPerMember: 'Use a whole number from 10 to 4000.',
    vpcId: 'Choose the VPC the private endpoint goes into.',
    subnetIds: 'Choose subnets of this VPC, one per zone at most.'
  },
  problem: {
    gen2PrivateOnly: 'Gen 2 has private endpoints only.',
    gen2HostFlavorMissing: 'Choose a host flavor.',
    gen2VpcMissing: 'Choose the VPC the private endpoint goes into.'
  },
  summary: {
    generation: 'Generation',
    storageTotal: '{{total}} GB storage in total (2 members)',
    vpc: 'VPC',
    subnets: 'Private endpoint subnets',
    endpoints: 'Private only (VPE gateway in the VPC)',
    gen2What: 'A Databases for Redis Gen 2 instance (plan standard-gen2) with private endpoints only. The next steps create its credentials and the VPE gateway in this VPC.'
  },
  instanceGeneration: 'Generation'
}
