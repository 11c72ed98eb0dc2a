import { describe, expect, it } from 'vitest';
import { stem, surfaceForms, tokenize, words } from '../../../../shared/matching/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, also æøå', () => {
    expect(words('SENSOR Østfold ÆRFUGL Åsgård')).toEqual(['sensor', 'østfold', 'ærfugl', 'åsgård']);
    expect(tokenize('SENSOR')).toEqual(tokenize('sensor'));
  });

  it('keeps æ, ø and å inside terms instead of splitting on them', () => {
    const terms = tokenize('bølgekraft størrelse grønn pårørende');
    expect(terms).toHaveLength(4);
    expect(terms[0]).toMatch(/^bølge/);
    expect(terms[1]).toMatch(/^størr/);
    expect(terms[2]).toBe('grønn');
    expect(terms[3]).toMatch(/^pårør/);
    for (const t of terms) expect(t).toMatch(/^[a-zæøå]+$/);
  });

  it('drops stop words (bokmål, nynorsk, English and call boilerplate)', () => {
    expect(tokenize('og i det at en et den til er som på de med')).toEqual([]);
    expect(tokenize('ikkje kva korleis eg')).toEqual([]);
    expect(tokenize('the and of to in for with')).toEqual([]);
    expect(tokenize('Kommunen ønsker')).toEqual([]);
    expect(tokenize('Kommunen ønsker sensorer og kamera')).toEqual([stem('sensorer'), stem('kamera')]);
  });

  it('drops one-character words and keeps digits', () => {
    expect(words('a b 5 NO2 x 2024')).toEqual(['no2', '2024']);
  });

  it('stems sensor, sensorer, sensoren and sensorene to one term', () => {
    const forms = ['sensor', 'sensorer', 'sensoren', 'sensorene', 'Sensorer'];
    const stems = new Set(forms.flatMap((f) => tokenize(f)));
    expect(stems).toEqual(new Set(['sensor']));
  });

  it('stems other common inflections together', () => {
    expect(new Set(['løsning', 'løsningen', 'løsninger', 'løsningene'].map(stem)).size).toBe(1);
    expect(new Set(['ladepunkt', 'ladepunkter', 'ladepunktene'].map(stem)).size).toBe(1);
  });

  it('leaves short words alone', () => {
    expect(stem('app')).toBe('app');
    expect(stem('is')).toBe('is');
  });

  it('splits hyphenated compounds into their parts', () => {
    expect(tokenize('vann-kvalitet')).toEqual([...tokenize('vann'), ...tokenize('kvalitet')]);
    expect(tokenize('IoT-sensorer')).toEqual(['iot', 'sensor']);
    expect(tokenize('el-sykkel')).toEqual([...tokenize('el'), ...tokenize('sykkel')].filter(Boolean));
  });

  it('is deterministic and splits on punctuation', () => {
    const text = 'Sensorbasert parkering: vise ledige plasser (i sanntid), også i lyd!';
    expect(tokenize(text)).toEqual(tokenize(text));
    expect(tokenize(text)).not.toContain('');
    expect(tokenize('sanntid,lyd;plasser')).toEqual(tokenize('sanntid lyd plasser'));
  });

  it('maps each term to the first surface form seen', () => {
    const forms = surfaceForms('Sensorene og sensorer for vann-kvalitet');
    expect(forms.get('sensor')).toBe('sensorene');
    expect(forms.get(stem('kvalitet'))).toBe('kvalitet');
  });
});
