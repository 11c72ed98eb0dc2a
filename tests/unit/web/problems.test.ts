import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERIC_PROBLEM, problemSlug, problemTypes, problemTypeUri, type ProblemSlug, type ProblemSpec } from '../../../shared/api/problems.js';
import { problemResponse } from '../../../functions/core/middleware/problem-errors.js';

/**
 * The server sends problem codes, the web supplies the words: every problem type in the registry must
 * have a message in bokmål and in English, using exactly the parameters the registry names.
 */
const read = (locale: string) => JSON.parse(readFileSync(new URL(`../../../web/messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const messages = { nb: read('nb'), en: read('en') };
const slugs = Object.keys(problemTypes) as ProblemSlug[];
const keyOf = (slug: string) => `problem_${slug.replaceAll('-', '_')}`;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('problem registry (shared/api/problems.ts)', () => {
  it('has slugs that are URL-safe and unique once turned into message keys', () => {
    for (const slug of slugs) expect(slug).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(new Set(slugs.map(keyOf)).size).toBe(slugs.length);
  });

  for (const locale of ['nb', 'en'] as const) {
    it.each(slugs)(`${locale}: %s has a message with exactly its parameters`, (slug) => {
      const text = messages[locale][keyOf(slug)];
      expect(typeof text, `web/messages/${locale}.json lacks "${keyOf(slug)}"`).toBe('string');
      expect((text as string).trim().length).toBeGreaterThan(0);
      const spec = problemTypes[slug] as ProblemSpec;
      expect(placeholders(text as string)).toEqual(Object.keys(spec.params ?? {}).sort());
    });
  }

  it('names a generic type for every status the API answers with, of that status', () => {
    for (const [status, slug] of Object.entries(GENERIC_PROBLEM)) expect(problemTypes[slug].status).toBe(Number(status));
  });

  it('reads the slug back from the type URI and ignores types that are not ours', () => {
    expect(problemSlug(problemTypeUri('proposals-sealed'))).toBe('proposals-sealed');
    expect(problemSlug('https://innovasjonstorget.no/problems/deadline-passed')).toBe('deadline-passed');
    expect(problemSlug('about:blank')).toBeUndefined();
    expect(problemSlug('urn:x:constructor')).toBeUndefined();
  });
});

describe('problem+json carries type and params', () => {
  it("uses the throw site's type and params, keeping detail", () => {
    const res = problemResponse(403, 'The proposals are sealed until 2027-02-15T11:00:00.000Z.', {
      type: 'proposals-sealed',
      params: { until: '2027-02-15T11:00:00.000Z' },
    });
    expect(JSON.parse(res.body)).toEqual({
      type: 'urn:innovasjonstorget:problem:proposals-sealed',
      title: 'Forbidden',
      status: 403,
      detail: 'The proposals are sealed until 2027-02-15T11:00:00.000Z.',
      params: { until: '2027-02-15T11:00:00.000Z' },
    });
  });

  it("falls back to the status's generic type when the throw site names none (or an unknown one)", () => {
    expect(JSON.parse(problemResponse(404, 'No call with that id.').body).type).toBe('urn:innovasjonstorget:problem:not-found');
    expect(JSON.parse(problemResponse(409, 'x', { type: 'nope' as ProblemSlug }).body).type).toBe('urn:innovasjonstorget:problem:conflict');
    expect(JSON.parse(problemResponse(418, 'x').body).type).toBe('about:blank');
  });
});
