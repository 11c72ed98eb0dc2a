import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { B, K1, TextIndex, bm25Pair, idf, statsFromData, termFrequencies } from '../../../../shared/matching/bm25.js';

const term: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const doc = fc.array(term, { maxLength: 10 });
const corpus = fc.array(doc, { minLength: 1, maxLength: 12 });
const query = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'zz'), { maxLength: 8 });

describe('TextIndex', () => {
  it('scoreAll equals bm25Pair for every document (random corpora)', () => {
    fc.assert(
      fc.property(corpus, query, (docs, q) => {
        const index = new TextIndex(docs);
        const all = index.scoreAll(q);
        docs.forEach((terms, d) => {
          const pair = bm25Pair(q, termFrequencies(terms), terms.length, index).score;
          expect(all.get(d) ?? 0).toBe(pair);
          // Only documents sharing a term appear, and they score > 0.
          expect(all.has(d)).toBe(pair > 0);
        });
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('scoreInto equals bm25Pair for every document and lists each touched document once', () => {
    fc.assert(
      fc.property(corpus, fc.array(query, { minLength: 1, maxLength: 3 }), (docs, queries) => {
        const index = new TextIndex(docs);
        const scores = new Float64Array(docs.length);
        for (const q of queries) {
          const touched: number[] = [];
          index.scoreInto(q, scores, touched);
          expect(new Set(touched).size).toBe(touched.length);
          docs.forEach((terms, d) => {
            const pair = bm25Pair(q, termFrequencies(terms), terms.length, index).score;
            expect(scores[d]).toBe(pair);
            expect(touched.includes(d)).toBe(pair > 0);
          });
          for (const d of touched) scores[d] = 0; // the caller's contract: zero on entry
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('df, docCount and avgLength match the corpus', () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const index = new TextIndex(docs);
        expect(index.docCount).toBe(docs.length);
        expect(index.avgLength).toBeCloseTo(docs.reduce((s, d) => s + d.length, 0) / docs.length, 12);
        for (const t of ['a', 'b', 'h', 'zz']) expect(index.df(t)).toBe(docs.filter((d) => d.includes(t)).length);
        docs.forEach((d, i) => expect(index.length(i)).toBe(d.length));
      }),
    );
  });

  it('statsFor shipped as data scores the same as the index itself', () => {
    fc.assert(
      fc.property(corpus, query, (docs, q) => {
        const index = new TextIndex(docs);
        const shipped = statsFromData(JSON.parse(JSON.stringify(index.statsFor(q))));
        for (const terms of docs) {
          const tf = termFrequencies(terms);
          expect(bm25Pair(q, tf, terms.length, shipped).score).toBe(bm25Pair(q, tf, terms.length, index).score);
        }
      }),
    );
  });
});

describe('bm25Pair', () => {
  it('matches the textbook formula on a hand example', () => {
    const docs = [['sensor', 'sensor', 'vann'], ['vann'], ['luft', 'støy']];
    const index = new TextIndex(docs);
    const avg = 6 / 3;
    const idfSensor = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    const idfVann = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    expect(idf(index, 'sensor')).toBeCloseTo(idfSensor, 12);
    const norm = K1 * (1 - B + (B * 3) / avg);
    const expected = idfSensor * ((2 * (K1 + 1)) / (2 + norm)) + idfVann * ((1 * (K1 + 1)) / (1 + norm));
    const r = bm25Pair(['sensor', 'vann', 'sensor'], termFrequencies(docs[0]!), 3, index);
    expect(r.score).toBeCloseTo(expected, 12);
    expect(r.terms.map((t) => t.term)).toEqual(['sensor', 'vann']);
  });

  it('counts a repeated query term once', () => {
    const index = new TextIndex([['a'], ['b']]);
    const tf = termFrequencies(['a']);
    expect(bm25Pair(['a', 'a', 'a'], tf, 1, index).score).toBe(bm25Pair(['a'], tf, 1, index).score);
  });
});
