/**
 * The failure modes named in issue 11, replayed on the demo market (the 407 companies the seed makes).
 * The calls are written here from the description, not taken from any evaluation set; the
 * assertions are about the kind of evidence that may win, not about particular positions.
 */
import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../../shared/matching/match-index.js';
import { WEIGHTS, type MatchCall } from '../../../../shared/matching/score.js';
import { demoMarketProfiles } from '../../../../bench/match/eval-set.js';

const profiles = demoMarketProfiles();
const index = new MatchIndex(profiles);
const says = (i: number, re: RegExp) => re.test(`${profiles[i]!.description ?? ''} ${(profiles[i]!.capabilities ?? []).join(' ')}`);
const top = (call: MatchCall, n = 10) => index.rank(call, n).map((r) => r.company);
const cpvPoints = (call: MatchCall, i: number) => index.explain(call, i).reasons.find((r) => r.signal === 'cpv')?.points ?? 0;

describe('issue 11 failure modes on the demo market', () => {
  it('has the 407 companies the seed makes', () => {
    expect(profiles).toHaveLength(407);
  });

  it('a generic third code does not outweigh the need: reuse firms lead, software firms get little for 72212000', () => {
    const call: MatchCall = {
      id: 'reuse',
      municipalityCode: '3107',
      cpvCodes: ['39100000', '90510000', '72212000'],
      title: 'Ombruk av møbler og byggematerialer',
      summary: 'En ombruksportal og kartlegging av ombrukbare materialer før riving.',
      description:
        'Kommunen vil kartlegge møbler og materialer som kan brukes igjen før riving og ombygging, og selge eller gi dem videre gjennom en digital portal.',
    };
    const holders = profiles.map((p, i) => (p.cpvCodes.includes('72212000') ? i : -1)).filter((i) => i >= 0);
    for (const i of holders) expect(cpvPoints(call, i)).toBeLessThan(WEIGHTS.cpv / 2);
    const reuseFirms = profiles.map((_, i) => i).filter((i) => says(i, /ombrukbare materialer før riving/));
    expect(reuseFirms.length).toBeGreaterThan(0);
    const best = top(call, 10);
    for (const i of reuseFirms) expect(best, profiles[i]!.name).toContain(i);
  });

  it('a sibling code is not a related skill: a library call gives no CPV points for medical or educational software', () => {
    const call: MatchCall = {
      id: 'library',
      municipalityCode: '3118',
      cpvCodes: ['48161000'],
      title: 'Meråpent bibliotek',
      summary: 'Innbyggerne skal kunne bruke bibliotekfilialene utenom betjent åpningstid.',
      description: 'Vi trenger adgangskontroll for offentlige bygg, kameraovervåking og selvbetjent utlån, slik at filialene kan holde åpent uten ansatte.',
    };
    profiles.forEach((p, i) => {
      if (p.cpvCodes.some((c) => c.startsWith('4818') || c.startsWith('4819'))) expect(cpvPoints(call, i)).toBe(0);
    });
    const best = top(call, 10);
    const access = best.filter((i) => says(i, /adgangskontroll/));
    expect(access.length).toBeGreaterThanOrEqual(Math.min(5, profiles.filter((_, i) => says(i, /adgangskontroll/)).length));
  });

  it('text is not drowned by a shared prefix: flood warning from storm-water sensors beats map-making 71354000', () => {
    const call: MatchCall = {
      id: 'flood',
      municipalityCode: '3101',
      cpvCodes: ['71351920'],
      title: 'Flomvarsling fra overvannsnettet',
      summary: 'Tidlig varsel om flom fra sensorer i overvannsnettet.',
      description: 'Beredskapen skal få varsel før kjellere og veier settes under vann, ut fra målinger i overvannsnettet og hydrologiske modeller.',
    };
    profiles.forEach((p, i) => {
      if (p.cpvCodes.includes('71354000')) expect(cpvPoints(call, i)).toBe(0);
    });
    const warners = profiles.map((_, i) => i).filter((i) => says(i, /overvannsnettet gir beredskapen tidlig varsel om fare for flom/));
    expect(warners.length).toBeGreaterThan(0);
    // Every one of the first ten says it works with floods; the storm-water flood warners are all in the first twenty.
    for (const i of top(call, 10)) expect(says(i, /flom/), profiles[i]!.name).toBe(true);
    const best = top(call, 20);
    for (const i of warners) expect(best, profiles[i]!.name).toContain(i);
  });

  it('place does not override fitness: a call in Halden with locality off gives no points for being in Halden', () => {
    const call: MatchCall = {
      id: 'x',
      municipalityCode: '3101',
      cpvCodes: [],
      title: 'Flomvarsling i Halden',
      summary: 'Varsel om flom i Halden sentrum.',
      description: 'Sensorer i overvannsnettet.',
    };
    for (const r of index.rank(call, 20)) {
      expect(index.explain(call, r.company).reasons.map((x) => x.signal)).not.toContain('locality');
    }
  });
});
