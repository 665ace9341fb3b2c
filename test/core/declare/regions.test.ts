import { describe, expect, it } from 'vitest';
import { awsCommercialRegions, isKnownRegion, localRegion } from '../../../functions/core';

describe('regions', () => {
  it.each([
    'us-east-1',
    'us-west-2',
    'eu-west-1',
    'ap-southeast-2',
    'af-south-1',
    'il-central-1',
    'mx-central-1',
    'ca-west-1',
  ])('knows %s', (region) => {
    expect(isKnownRegion(region)).toBe(true);
  });

  it('knows the local pseudo-region', () => {
    expect(localRegion).toBe('local');
    expect(isKnownRegion('local')).toBe(true);
  });

  it.each(['us-east-7', 'US-EAST-1', 'cn-north-1', 'us-gov-west-1', '', 42, null])(
    'does not know %j',
    (value) => {
      expect(isKnownRegion(value)).toBe(false);
    },
  );

  it('lists each region once, in the code form', () => {
    expect(new Set(awsCommercialRegions).size).toBe(awsCommercialRegions.length);
    for (const region of awsCommercialRegions) expect(region).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
  });
});
