import { describe, expect, it } from 'vitest';
import { companyProfileInputSchema, orgNumberParams } from '../../../../shared/schemas/organisations.js';

const unknownKeys = (result: { error?: { issues: readonly any[] } }) =>
  (result.error?.issues ?? []).filter((i) => i.code === 'unrecognized_keys').flatMap((i) => i.keys as string[]);

describe('companyProfileInputSchema (body of PUT /api/companies/{orgNumber})', () => {
  const profile = (overrides: Record<string, unknown> = {}) => ({
    name: 'Sensor AS',
    description: '',
    capabilities: ['IoT'],
    cpvCodes: ['72212000'],
    ...overrides,
  });

  it('accepts a profile', () => {
    expect(companyProfileInputSchema.safeParse(profile({ website: 'https://sensor.example' })).success).toBe(true);
  });

  it.each(['kind', 'id', 'orgNumber'])('rejects %s', (key) => {
    expect(unknownKeys(companyProfileInputSchema.safeParse(profile({ [key]: 'municipality' })))).toEqual([key]);
  });

  it('accepts only http(s) websites', () => {
    expect(companyProfileInputSchema.safeParse(profile({ website: 'javascript:alert(1)' })).success).toBe(false);
    expect(companyProfileInputSchema.safeParse(profile({ website: 'ftp://sensor.example' })).success).toBe(false);
  });
});

describe('orgNumberParams', () => {
  it('accepts a valid organisasjonsnummer and rejects a wrong check digit', () => {
    expect(orgNumberParams.safeParse({ orgNumber: '974760673' }).success).toBe(true);
    expect(orgNumberParams.safeParse({ orgNumber: '974760674' }).success).toBe(false);
  });
});
