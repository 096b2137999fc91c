/**
 * The Gen 2 prerequisites (VPC, subnet, the region's Gen 2 deployment, IAM roles): labels, details
 * and advice, with `{{name}}` parameters (i18next's syntax; the main process fills them with
 * fillMessage). Japanese in ja.ts with the same keys.
 */
export const prereqGen2En = {
  heading: 'Gen 2 prerequisites in {{region}}',
  lead: 'Gen 2 is private only and lives on VPC: it needs a VPC with a subnet in the region, the region’s Gen 2 deployment and the IAM roles of the steps. VRF is not needed.',
  generation: {
    legend: 'Databases for Redis generation',
    gen1: 'Gen 1 (classic)',
    gen1Hint: 'Needs a classic account with VRF and service endpoints; reached through private service endpoints.',
    gen2: 'Gen 2 (VPC)',
    gen2Hint: 'Needs a VPC in the region; private only, reached through a Virtual Private Endpoint gateway.'
  },
  openConsole: 'Open it in the IBM Cloud console',
  region: 'Region',
  regionHelp: 'The VPC, its subnets and the Gen 2 deployment are checked in this region.',
  regions: {
    'au-syd': 'Sydney',
    'br-sao': 'São Paulo',
    'ca-mon': 'Montreal',
    'ca-tor': 'Toronto',
    'eu-de': 'Frankfurt',
    'eu-es': 'Madrid',
    'eu-gb': 'London',
    'in-che': 'Chennai',
    'jp-osa': 'Osaka',
    'jp-tok': 'Tokyo',
    'us-east': 'Washington DC',
    'us-south': 'Dallas'
  },
  readyWithUnknown: 'Nothing is missing for Gen 2 in {{region}}. The items marked “Not checked” cannot be read ahead; they do not stop the wizard, and a refused step names what it lacked.',
  blocked: {
    vpcTitle: 'A VPC with a subnet is needed in {{region}}',
    vpcBody: 'Gen 2 is reached only from a VPC in the same region. Run the commands in the table below (or use the console), then check again.',
    notOfferedTitle: 'Gen 2 is not offered in {{region}}',
    notOfferedBody: 'Choose another region above, or Gen 1, and check again.'
  },
  cli: {
    target_region: 'Target the region',
    vpcs: 'List the VPCs of the region',
    subnets: 'List the subnets (zone and address range)'
  },
  items: {
    gen2_catalog: 'Databases for Redis Gen 2 in the region',
    vpc: 'VPC in the region',
    subnet: 'Subnet in the VPC',
    iam_roles: 'IAM roles for the Gen 2 steps'
  },
  needsKey: 'Not checked: it needs a working API key (see above).',
  catalog: {
    offered: 'IBM Cloud offers Gen 2 in {{region}} (catalog deployment {{deployment}}).',
    elsewhere: 'The Global Catalog lists Gen 2 deployments only in {{regions}}, not in {{region}}.',
    elsewhereAdvice: 'Choose one of those regions (your VPC must be in the same region), or use Gen 1 in {{region}}.',
    unlisted: 'The Global Catalog lists no deployment of the plan {{plan}}, so PSE Wizard cannot tell whether {{region}} offers Gen 2.',
    unlistedAdvice:
      'Look for the Gen 2 plan of Databases for Redis in {{region}} in the IBM Cloud catalog. If the region does not offer it, the deploy step says so before anything is created.',
    unreadable: 'The Global Catalog could not be read: {{reason}}',
    unreadableAdvice: 'Check again in a few minutes.'
  },
  vpc: {
    found: '{{names}} in {{region}}',
    none: 'There is no VPC in {{region}}.',
    noneAdvice:
      'Gen 2 is private only: it is reached from a VPC in the same region through a Virtual Private Endpoint gateway. Create a VPC in {{region}} with the command below or in the console, then check again.',
    unreadable: 'The VPCs of {{region}} could not be listed: {{reason}}',
    unreadableAdvice: 'Check again in a few minutes.'
  },
  subnet: {
    found: '{{vpc}}: {{subnets}}',
    none: 'No VPC in {{region}} has a subnet ({{vpcs}}).',
    noneAdvice:
      'The VPE gateway takes one IP address in a subnet of each zone where your clients run. Create a subnet in {{vpc}} with the command below (one per zone you need) or in the console, then check again.',
    needsVpc: 'A new VPC has no subnet yet.',
    needsVpcAdvice: 'After creating the VPC, create a subnet in it with the command below (one per zone where your clients run), then check again.',
    unreadable: 'The subnets of {{vpc}} could not be listed: {{reason}}',
    notChecked: 'Not checked: the VPCs could not be listed.'
  },
  iam: {
    vpcViewerConfirmed:
      'Viewer on VPC Infrastructure Services is confirmed (the VPCs were listed). The other roles cannot be read ahead: IBM Cloud tells only when a step is refused.',
    vpcViewerMissing: 'Viewer on VPC Infrastructure Services is missing: IBM Cloud refused to list the VPCs.',
    vpcViewerUnknown: 'Not known: the VPCs could not be listed, and the other roles cannot be read ahead (IBM Cloud tells only when a step is refused).',
    needed:
      'The Gen 2 steps need Viewer on the resource group; the Editor platform role on Databases for Redis (to create the instance); Operator, Editor or Administrator on the instance (for its service keys); and Viewer and Editor on VPC Infrastructure Services (for the VPCs, the VPE gateway and its security group). Check them under Manage > Access (IAM) > Users > your user > Access, including its access groups; a refused step names the role it lacked.',
    missingAdvice:
      'Ask an account administrator to grant Viewer on VPC Infrastructure Services in Manage > Access (IAM), then check again. The Gen 2 steps also need Viewer on the resource group; the Editor platform role on Databases for Redis; Operator, Editor or Administrator on the instance; and Editor on VPC Infrastructure Services.'
  }
}
