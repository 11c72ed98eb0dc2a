import { effectiveStatus, type CallStatus } from '../../shared/domain/call-status.js';
import { MUNICIPALITY_CODES } from '../../shared/domain/municipalities.js';
import { forbidden } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { callWriteGeneration, getCall, queryMunicipalityCalls, type CallRecord } from '../data/calls.js';
import { getOutcomes } from '../data/sharing.js';
import { everyPage } from '../data/paging.js';
import { assertVisible, isOwnMunicipality } from '../calls/view.js';
import { CallCorpus, isSameNeed, SIMILAR_MIN_SCORE, type Reason } from './similarity.js';
import { nameOf } from './views.js';

const TOP = 5;

/** Domains and CPV groups (3 digits) of a call: a pair outside every shared one can never be the same need. */
const areaKeys = (c: CallRecord) => [...c.domains.map((d) => `d:${d}`), ...c.cpvCodes.map((code) => `c:${code.slice(0, 3)}`)];

/**
 * Reads stay cheap: every call of Østfold is read at most once per SNAPSHOT_TTL_MS per container, and each
 * answer is kept for ANSWER_TTL_MS and served stale while a fresh one is computed in the background (a
 * similarity list a few seconds old is fine; re-reading every call on each request was not).
 */
export const SNAPSHOT_TTL_MS = 10_000;
export const ANSWER_TTL_MS = 30_000;
let snapshot: { at: number; calls: CallRecord[] } | undefined;
let loadingSnapshot: Promise<{ at: number; calls: CallRecord[] }> | undefined;

let seenGeneration = -1;
/** A call written by this process drops what was cached, so its own municipality sees the change at once. */
function dropIfWritten(): void {
  if (seenGeneration === callWriteGeneration()) return;
  seenGeneration = callWriteGeneration();
  snapshot = undefined;
  answers.clear();
}

async function callsSnapshot() {
  dropIfWritten();
  if (snapshot && Date.now() - snapshot.at < SNAPSHOT_TTL_MS) return snapshot;
  loadingSnapshot ??= callsOf(MUNICIPALITY_CODES)
    .then((calls) => (snapshot = { at: Date.now(), calls }))
    .finally(() => (loadingSnapshot = undefined));
  return loadingSnapshot;
}

const answers = new Map<string, { at: number; value: Promise<unknown>; refreshing?: boolean }>();
async function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  dropIfWritten();
  const hit = answers.get(key);
  if (hit && Date.now() - hit.at < ANSWER_TTL_MS) return hit.value as Promise<T>;
  if (hit && !hit.refreshing) {
    hit.refreshing = true;
    const fresh = compute();
    fresh.then(
      () => answers.set(key, { at: Date.now(), value: fresh }),
      () => (hit.refreshing = false),
    );
    return hit.value as Promise<T>;
  }
  if (hit) return hit.value as Promise<T>;
  const value = compute();
  answers.set(key, { at: Date.now(), value });
  if (answers.size > 5000) answers.delete(answers.keys().next().value!);
  value.catch(() => answers.delete(key));
  return value;
}

/** Tests and the local server drop the cached calls and answers. */
export function resetSimilarCache(): void {
  snapshot = undefined;
  answers.clear();
}
/** Closed similar calls whose outcomes are looked up for lessons. */
const LESSON_CANDIDATES = 25;

/** Every call of the given municipalities, drafts included (one paginated query per municipality). */
export async function callsOf(codes: readonly string[]): Promise<CallRecord[]> {
  const perMunicipality = await Promise.all(codes.map((code) => everyPage((start) => queryMunicipalityCalls(code, {}, 500, start))));
  return perMunicipality.flat();
}

interface SimilarCall {
  callId: string;
  title: string;
  municipalityCode: string;
  municipalityName: string;
  status: CallStatus;
  score: number;
  reasons: Reason[];
}

/**
 * For a municipality drafting (or running) a call: the most similar published calls of other
 * municipalities (open or closed), and the published lessons of similar closed calls. BM25 statistics
 * are over the call itself and those candidates.
 */
export async function listSimilar(callId: string, principal: Principal) {
  const call = assertVisible(await getCall(callId), principal);
  if (!isOwnMunicipality(call, principal)) throw forbidden('Only the municipality that owns this call sees similar calls for it.');
  return cached(`similar#${call.id}#${call.version}`, () => computeSimilar(call));
}

async function computeSimilar(call: CallRecord) {
  const at = now();
  const snapshot = await callsSnapshot();
  const others = snapshot.calls
    .filter((c) => c.municipalityCode !== call.municipalityCode)
    .map((c) => ({ call: c, status: effectiveStatus(c.status, c.deadline, at) }))
    .filter((c) => c.status === 'open' || c.status === 'closed');
  const corpus = new CallCorpus([call, ...others.map((o) => o.call)]);
  const ranked = others
    .map((o) => ({ ...o, sim: corpus.compare(call, o.call) }))
    .filter((r) => r.sim.score >= SIMILAR_MIN_SCORE)
    .sort((a, b) => b.sim.score - a.sim.score || a.call.id.localeCompare(b.call.id));

  const calls: SimilarCall[] = ranked.slice(0, TOP).map((r) => ({
    callId: r.call.id,
    title: r.call.title,
    municipalityCode: r.call.municipalityCode,
    municipalityName: nameOf(r.call.municipalityCode),
    status: r.status,
    score: r.sim.score,
    reasons: r.sim.reasons,
  }));

  const closed = ranked.filter((r) => r.status === 'closed').slice(0, LESSON_CANDIDATES);
  const outcomes = await getOutcomes(closed.map((r) => r.call.id));
  const lessons = closed
    .flatMap((r) => {
      const o = outcomes.get(r.call.id);
      return o?.published
        ? [
            {
              callId: r.call.id,
              callTitle: r.call.title,
              municipalityName: nameOf(r.call.municipalityCode),
              projectStatus: o.projectStatus,
              lessons: o.lessons,
              score: r.sim.score,
            },
          ]
        : [];
    })
    .slice(0, TOP);
  return { calls, lessons };
}

/**
 * Pairs of the caller's open or draft calls with other municipalities' open or draft calls that meet the
 * same need, with a suggestion to join forces. The corpus is every open or draft call in Østfold, whoever
 * asks, and the score is symmetric, so both municipalities see the same pair with the same score.
 *
 * Another municipality's draft is shown here by title, municipality and status only (no id to open it):
 * telling both sides early is the point of the feature.
 */
export async function listSimilarNeeds(principal: Principal) {
  return cached(`needs#${principal.orgId}`, () => computeSimilarNeeds(principal.orgId));
}

async function computeSimilarNeeds(orgId: string) {
  const at = now();
  const active = (await callsSnapshot()).calls
    .map((c) => ({ call: c, status: effectiveStatus(c.status, c.deadline, at) }))
    .filter((c) => c.status === 'open' || c.status === 'draft')
    .sort((a, b) => a.call.id.localeCompare(b.call.id));
  const corpus = new CallCorpus(active.map((a) => a.call));
  const mine = active.filter((a) => a.call.municipalityCode === orgId);
  const theirs = active.filter((a) => a.call.municipalityCode !== orgId);
  // «The same need» requires a shared domain or CPV group (isSameNeed): index the others by those, so each of
  // my calls is compared only with calls in its area, not with every call in Østfold.
  const byArea = new Map<string, typeof theirs>();
  for (const t of theirs) {
    for (const key of areaKeys(t.call)) byArea.set(key, [...(byArea.get(key) ?? []), t]);
  }

  // Rank every candidate pair by the cheap score, then build reasons only for the 50 shown.
  const ranked: { m: (typeof mine)[number]; t: (typeof theirs)[number]; score: number }[] = [];
  for (const m of mine) {
    for (const t of new Set(areaKeys(m.call).flatMap((k) => byArea.get(k) ?? []))) {
      const score = corpus.sameNeedScore(m.call, t.call);
      if (score !== undefined) ranked.push({ m, t, score });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.m.call.id.localeCompare(b.m.call.id) || a.t.call.title.localeCompare(b.t.call.title));
  const pairs = ranked.slice(0, 50).flatMap(({ m, t }) => {
    const sim = corpus.compare(m.call, t.call, { symmetric: true });
    if (!isSameNeed(sim)) return [];
    const name = nameOf(t.call.municipalityCode);
    return [
      {
        mine: { callId: m.call.id, title: m.call.title, status: m.status },
        theirs: {
          ...(t.status === 'draft' ? {} : { callId: t.call.id }),
          title: t.call.title,
          status: t.status,
          municipalityCode: t.call.municipalityCode,
          municipalityName: name,
        },
        score: sim.score,
        reasons: sim.reasons,
        suggestion: {
          nb: `${name} arbeider med et lignende behov. Vurder en felles utlysning.`,
          en: `${name} is working on a similar need. Consider a joint call.`,
        },
      },
    ];
  });
  pairs.sort((a, b) => b.score - a.score || a.mine.callId.localeCompare(b.mine.callId) || a.theirs.title.localeCompare(b.theirs.title));
  return { items: pairs.slice(0, 50) };
}
