import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CPV_ATTRIBUTION_TEXT } from '../../../../shared/data/cpv-list.js';
import { cpvCodeCount, cpvLabel } from '../../../../shared/domain/cpv.js';

describe('the shipped CPV list', () => {
  it('names the attribution the JSON the build script derives carries (scripts/build-cpv-list.ts)', () => {
    const json = JSON.parse(readFileSync(new URL('../../../../shared/data/cpv-2008.json', import.meta.url), 'utf8'));
    expect(CPV_ATTRIBUTION_TEXT).toBe(json.attribution);
  });

  it('is parsed on first use and answers from then on', () => {
    expect(cpvCodeCount()).toBe(9454);
    expect(cpvLabel('38730000')).toBeDefined();
  });
});
