/**
 * The AWS commercial regions a monitor can probe from or live in, by code.
 * (GovCloud and the China partition are not included: they need their own accounts and endpoints.)
 */
export const awsCommercialRegions = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** An AWS commercial region code, such as `'us-east-1'`. */
export type AwsCommercialRegion = (typeof awsCommercialRegions)[number];

/** The pseudo-region of a probe run from a developer's machine (`lookout check`, `npm start`). */
export const localRegion = 'local';

/** Any region a monitor may name: an AWS commercial region or `'local'`. */
export type KnownRegion = AwsCommercialRegion | typeof localRegion;

const knownRegions: ReadonlySet<string> = new Set<string>([...awsCommercialRegions, localRegion]);

/** Whether `value` is an AWS commercial region code or `'local'`. */
export function isKnownRegion(value: unknown): value is KnownRegion {
  return typeof value === 'string' && knownRegions.has(value);
}
