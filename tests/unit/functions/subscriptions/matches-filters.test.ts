import { describe, expect, it } from 'vitest';
import { matchesFilters, type MatchableCall } from '../../../../functions/subscriptions/matches-filters.js';
import { searchWords } from '../../../../shared/domain/call-search.js';
import { feedQuery, subscriptionView } from '../../../../functions/subscriptions/view.js';

const call: MatchableCall = {
  title: 'Smarte søppelkasser på Øra',
  summary: 'Sensorer som melder når kassene er fulle.',
  description: 'Fredrikstad kommune vil teste sensorer i sentrum.',
  municipalityCode: '3107',
  domains: ['water-waste', 'digital-services'],
  cpvCodes: ['90500000', '34996000'],
};

describe('matchesFilters', () => {
  it('matches everything when no filter is given', () => {
    expect(matchesFilters({}, call)).toBe(true);
  });

  it("takes a CPV prefix that any of the call's codes starts with", () => {
    expect(matchesFilters({ cpvPrefix: '905' }, call)).toBe(true);
    expect(matchesFilters({ cpvPrefix: '3499' }, call)).toBe(true);
    expect(matchesFilters({ cpvPrefix: '48' }, call)).toBe(false);
    expect(matchesFilters({ cpvPrefix: '0500' }, call)).toBe(false); // a prefix, not a substring
  });

  it("takes the municipality and a domain among the call's", () => {
    expect(matchesFilters({ municipality: '3107' }, call)).toBe(true);
    expect(matchesFilters({ municipality: '3101' }, call)).toBe(false);
    expect(matchesFilters({ domain: 'digital-services' }, call)).toBe(true);
    expect(matchesFilters({ domain: 'mobility' }, call)).toBe(false);
  });

  it('needs every word of q, in any case, in title, summary or description', () => {
    expect(matchesFilters({ q: 'SØPPELKASSER  sentrum' }, call)).toBe(true);
    expect(matchesFilters({ q: 'øra sensorer' }, call)).toBe(true);
    expect(matchesFilters({ q: 'søppelkasser halden' }, call)).toBe(false);
  });

  it('needs all given filters at once', () => {
    expect(matchesFilters({ cpvPrefix: '9050', municipality: '3107', domain: 'water-waste', q: 'sensorer' }, call)).toBe(true);
    expect(matchesFilters({ cpvPrefix: '9050', municipality: '3107', domain: 'mobility', q: 'sensorer' }, call)).toBe(false);
  });

  it('splits q into distinct lower-cased words, at most eight, like the public list', () => {
    expect(searchWords('  Bærekraft  bærekraft ØKONOMI ')).toEqual(['bærekraft', 'økonomi']);
    expect(searchWords(undefined)).toBeUndefined();
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    // A ninth word is not required: the notice follows the list, which caps at eight.
    // Each word must begin a word of the call: «s» (sensorer), «f» (fulle), … and the ninth is left out.
    expect(matchesFilters({ q: 'øra sensorer s f k m t v zzz-not-there' }, call)).toBe(true);
    expect(matchesFilters({ q: 'ensorer' }, call)).toBe(false);
  });
});

describe('feed URLs of a saved search', () => {
  it('use the same filters, cpvPrefix as cpv', () => {
    expect(feedQuery({ cpvPrefix: '905', municipality: '3107', domain: 'water-waste', q: 'søppel sentrum' })).toBe(
      '?cpv=905&municipality=3107&domain=water-waste&q=s%C3%B8ppel+sentrum',
    );
    expect(feedQuery({})).toBe('');
  });

  it('are part of the subscription view', () => {
    const view = subscriptionView({
      id: '01J',
      orgId: '999',
      name: 'x',
      filters: { domain: 'energy' },
      frequency: 'weekly',
      email: 'a@b.example',
      forMembers: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(view.feeds).toEqual({ rss: '/api/feeds/calls?domain=energy', ics: '/api/feeds/deadlines.ics?domain=energy' });
  });
});
