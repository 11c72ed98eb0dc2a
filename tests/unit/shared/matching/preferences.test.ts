import { describe, expect, it } from 'vitest';
import { defaultPreferences, resolvePreferences } from '../../../../shared/matching/preferences.js';
import { PROCEDURES } from '../../../../shared/domain/vocabulary.js';

describe('match preferences', () => {
  it('default on for market dialogue, off for every competition and for a call without a procedure', () => {
    for (const p of PROCEDURES)
      expect(defaultPreferences(p)).toEqual(p === 'market-dialogue' ? { locality: true, sme: true } : { locality: false, sme: false });
    expect(defaultPreferences(undefined)).toEqual({ locality: false, sme: false });
  });

  it('what the call states wins, field by field', () => {
    expect(resolvePreferences({ procedure: 'market-dialogue', matchPreferences: { locality: false } })).toEqual({ locality: false, sme: true });
    expect(resolvePreferences({ procedure: 'innovation-partnership', matchPreferences: { sme: true } })).toEqual({ locality: false, sme: true });
    expect(resolvePreferences({})).toEqual({ locality: false, sme: false });
  });
});
