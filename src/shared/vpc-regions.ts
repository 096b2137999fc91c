/**
 * The regions of the VPC API (ibm-vpc `VpcV1.getServiceUrlForRegion()`, docs/ibm-cloud-gen2-and-
 * restrictions-facts.md §2): where a Gen 2 user can have a VPC. Whether a region offers Gen 2
 * Redis is the Global Catalog's answer (the prerequisites check asks it).
 */
export const VPC_REGIONS = ['us-south', 'us-east', 'ca-tor', 'ca-mon', 'br-sao', 'eu-de', 'eu-gb', 'eu-es', 'jp-tok', 'jp-osa', 'au-syd', 'in-che'] as const
export type VpcRegion = (typeof VPC_REGIONS)[number]
