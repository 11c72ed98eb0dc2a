import { describe, expect, it } from 'vitest';
import { splitCompound } from '../../../../shared/matching/compounds.js';
import { analyze, callQuery } from '../../../../shared/matching/analyze.js';
import { stem } from '../../../../shared/matching/tokenize.js';

describe('splitCompound', () => {
  it.each([
    ['fyllingssensor', ['fylling', 'sensor']],
    ['fyllingssensorer', ['fylling', 'sensorer']],
    ['fyllingsgrad', ['fylling', 'grad']],
    ['avfallsbeholder', ['avfall', 'beholder']],
    ['avfallsbeholdere', ['avfall', 'beholdere']],
    ['brøyterute', ['brøyte', 'rute']],
    ['overvannsnett', ['overvann', 'nett']],
    ['flomvarsling', ['flom', 'varsling']],
    ['adgangskontroll', ['adgang', 'kontroll']],
    ['meråpent', ['mer', 'åpent']],
    ['skogbrannvarsling', ['skog', 'brann', 'varsling']],
    ['barnehageplass', ['barnehage', 'plass']],
  ])('%s → %j', (word, parts) => {
    expect(splitCompound(word)).toEqual(parts);
  });

  it('leaves simple words, short words and names alone', () => {
    for (const w of ['parkering', 'rådgivning', 'innbyggere', 'sensor', 'fredrikstad', 'sarpsborg', 'vann']) expect(splitCompound(w)).toBeUndefined();
  });
});

describe('analyze', () => {
  it.each([
    ['fyllingssensor', 'Fyllingssensorer i containere gjør at vi tømmer når det trengs.', ['fylling', 'sensor']],
    ['fyllingsgrad', 'Vi måler fylling i containere.', ['fylling']],
    ['avfallsbeholder', 'Vi henter avfall og leverer beholdere.', ['avfall', 'beholder']],
    ['brøyterute', 'Programvaren vår optimaliserer ruter for skoleskyss.', ['rute']],
    ['overvannsnett', 'Sensorer i overvannsnettet gir beredskapen tidlig varsel om fare for flom.', ['overvann']],
  ])('the compound «%s» meets the words of a profile that says: %s', (compound, profile, shared) => {
    const call = new Set(analyze(compound));
    const doc = new Set(analyze(profile));
    for (const w of shared) {
      expect(call.has(stem(w)), `call term ${w}`).toBe(true);
      expect(doc.has(stem(w)), `profile term ${w}`).toBe(true);
    }
  });

  it('normalises -ere and -erne plurals to the same term', () => {
    expect(analyze('innbyggere')).toEqual(analyze('innbyggerne'));
    expect(analyze('innbyggere')).toEqual(analyze('innbygger'));
  });

  it('drops place names, so a place in a name or a call is no text evidence', () => {
    expect(analyze('Halden Sarpsborg Østfold Fredrikstad')).toEqual([]);
  });

  it('reads «-bar(e)» adjectives by their base too (ombrukbare → ombruk)', () => {
    expect(analyze('ombrukbare')).toContain(stem('ombruk'));
  });
});

describe('callQuery', () => {
  it('weighs the title above the summary above the description, and compound parts below the word', () => {
    const q = callQuery({ title: 'Flomvarsling', summary: 'Sensorer', description: 'Kamera' });
    expect(q.weights.get(stem('flomvarsling'))).toBe(1);
    expect(q.weights.get(stem('flom'))!).toBeLessThan(1);
    expect(q.weights.get(stem('sensorer'))!).toBeLessThan(1);
    expect(q.weights.get(stem('kamera'))!).toBeLessThan(q.weights.get(stem('sensorer'))!);
  });

  it('adds related terms, weaker, and says which word brought them', () => {
    const q = callQuery({ title: 'Meråpent bibliotek', summary: 'Utvidet åpningstid', description: 'Filialene skal være åpne uten ansatte.' });
    expect(q.weights.get(stem('adgangskontroll'))).toBeGreaterThan(0);
    expect(q.weights.get(stem('adgangskontroll'))!).toBeLessThan(1);
    expect(q.via.get(stem('adgangskontroll'))).toBe('meråpent');
  });
});
