import { describe, expect, it } from 'vitest';
import { budgetSchema, callInputSchema, callPatchSchema, cpvCode, listCallsQuerySchema } from '../../../../shared/schemas/calls.js';

const validCall = (overrides: Record<string, unknown> = {}) => ({
  title: 'Smarte søppelkasser',
  summary: 'Sensorer som melder når kassene er fulle.',
  description: 'Kommunen vil teste sensorer i søppelkasser i sentrum.',
  domains: ['water-waste'],
  cpvCodes: ['90500000'],
  budgetNok: { min: 100_000, max: 500_000 },
  deadline: '2030-03-01T12:00:00Z',
  procedure: 'market-dialogue',
  ...overrides,
});

const unknownKeys = (result: { success: boolean; error?: { issues: readonly any[] } }) =>
  (result.error?.issues ?? []).filter((i) => i.code === 'unrecognized_keys').flatMap((i) => i.keys as string[]);

describe('callInputSchema (body of POST /api/calls)', () => {
  it('accepts a complete call', () => {
    expect(callInputSchema.safeParse(validCall()).success).toBe(true);
  });

  it.each(['municipalityCode', 'status', 'id', 'version', 'createdBy'])('rejects %s in the body, so it cannot be mass-assigned', (key) => {
    const result = callInputSchema.safeParse(validCall({ [key]: 'x' }));
    expect(result.success).toBe(false);
    expect(unknownKeys(result)).toEqual([key]);
  });

  it('names every unknown property at once', () => {
    const result = callInputSchema.safeParse(validCall({ municipalityCode: '3101', status: 'open', id: 'mine' }));
    expect(unknownKeys(result).sort()).toEqual(['id', 'municipalityCode', 'status']);
  });

  it('rejects a budget whose min exceeds its max, at path budgetNok.max', () => {
    const result = callInputSchema.safeParse(validCall({ budgetNok: { min: 500_001, max: 500_000 } }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['budgetNok.max']);
  });

  it('accepts a budget whose min equals its max, or that has only one bound', () => {
    expect(callInputSchema.safeParse(validCall({ budgetNok: { min: 5, max: 5 } })).success).toBe(true);
    expect(callInputSchema.safeParse(validCall({ budgetNok: { max: 5 } })).success).toBe(true);
    expect(callInputSchema.safeParse(validCall({ budgetNok: undefined })).success).toBe(true);
  });

  it('rejects unknown properties inside the budget too', () => {
    const result = budgetSchema.safeParse({ min: 1, max: 2, currency: 'EUR' });
    expect(unknownKeys(result)).toEqual(['currency']);
  });

  it.each([
    ['2030-03-01T12:00:00Z', true],
    ['2030-03-01T12:00:00.000Z', true],
    ['2030-03-01T13:00:00+01:00', true],
    ['2030-03-01T12:00:00', false],
    ['2030-03-01', false],
    ['1 March 2030', false],
  ])('deadline %s is accepted: %s (a zone offset is required)', (deadline, ok) => {
    expect(callInputSchema.safeParse(validCall({ deadline })).success).toBe(ok);
  });

  it('reports a bad CPV code at its index', () => {
    const result = callInputSchema.safeParse(validCall({ cpvCodes: ['90500000', '905000'] }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['cpvCodes', 1]);
    expect(result.error!.issues[0]!.message).toMatch(/CPV 2008 code: 8 digits/);
  });

  it('rejects a title of only spaces (text is trimmed before its length is checked)', () => {
    expect(callInputSchema.safeParse(validCall({ title: '      ' })).success).toBe(false);
  });

  it('needs at least one domain and rejects unknown ones', () => {
    expect(callInputSchema.safeParse(validCall({ domains: [] })).success).toBe(false);
    expect(callInputSchema.safeParse(validCall({ domains: ['space-travel'] })).success).toBe(false);
  });
});

describe('cpvCode (the shape; membership of the official list is checked by the server, see cpv-codes.test.ts)', () => {
  it.each([
    ['72212000', true],
    ['72212000-9', true],
    ['72212000-', false],
    ['72212000-45', false],
    ['7221200', false],
    ['CPV72212000', false],
  ])('%s has the shape of a CPV code: %s', (code, ok) => {
    expect(cpvCode.safeParse(code).success).toBe(ok);
  });
});

describe('pre-commercial procurement', () => {
  it('needs an R&D services code', () => {
    const result = callInputSchema.safeParse(validCall({ procedure: 'pre-commercial', cpvCodes: ['90500000', '72212000'] }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['cpvCodes']);
    expect(result.error!.issues[0]!.message).toMatch(/R&D services code/);
  });

  it.each(['73120000', '73120000-9', '73300000', '73430000'])('is fine with %s', (rd) => {
    expect(callInputSchema.safeParse(validCall({ procedure: 'pre-commercial', cpvCodes: ['90500000', rd] })).success).toBe(true);
  });

  it('does not ask other procedures for one', () => {
    expect(callInputSchema.safeParse(validCall({ procedure: 'innovation-partnership', cpvCodes: ['90500000'] })).success).toBe(true);
  });
});

describe('callPatchSchema (body of PATCH /api/calls/{id})', () => {
  it('accepts any subset of the fields', () => {
    expect(callPatchSchema.safeParse({ title: 'Ny tittel' }).success).toBe(true);
    expect(callPatchSchema.safeParse({}).success).toBe(true);
  });

  it.each(['status', 'version', 'municipalityCode', 'id'])('rejects %s', (key) => {
    expect(unknownKeys(callPatchSchema.safeParse({ [key]: 'open' }))).toEqual([key]);
  });
});

describe('listCallsQuerySchema', () => {
  it('coerces limit from the query string and bounds it', () => {
    expect(listCallsQuerySchema.parse({ limit: '10' }).limit).toBe(10);
    expect(listCallsQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(listCallsQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('accepts only Østfold municipality codes', () => {
    expect(listCallsQuerySchema.safeParse({ municipality: '3105' }).success).toBe(true);
    expect(listCallsQuerySchema.safeParse({ municipality: '0301' }).success).toBe(false);
  });
});
