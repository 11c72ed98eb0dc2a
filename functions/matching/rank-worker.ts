/**
 * A worker thread that ranks calls against its own copy of the match index (rank-on-all-cores.ts): the
 * first message is the packed index (PackedMatchData), every later one a slice of calls to rank `depth`
 * deep with `topK`. Lists go back flat, as typed arrays moved rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { MatchIndex } from '../../shared/matching/match-index.js';
import type { PackedMatchData } from '../../shared/matching/packed-index.js';
import type { MatchCall } from '../../shared/matching/score.js';

export type RankRequest = { data: PackedMatchData } | { id: number; calls: MatchCall[]; depth: number };
export interface RankReply {
  id: number;
  /** Per call, how many companies its list has; the lists follow each other in `companies` and `scores`. */
  lengths: Int32Array<ArrayBuffer>;
  companies: Int32Array<ArrayBuffer>;
  scores: Float64Array<ArrayBuffer>;
}

let index: MatchIndex | undefined;
const port = parentPort!;

port.on('message', (m: RankRequest) => {
  if ('data' in m) {
    index = new MatchIndex(m.data);
    return;
  }
  const lists = m.calls.map((call) => index!.topK(call, m.depth));
  const total = lists.reduce((n, list) => n + list.length, 0);
  const reply: RankReply = { id: m.id, lengths: new Int32Array(lists.map((l) => l.length)), companies: new Int32Array(total), scores: new Float64Array(total) };
  let k = 0;
  for (const list of lists) {
    for (const r of list) {
      reply.companies[k] = r.company;
      reply.scores[k++] = r.score;
    }
  }
  port.postMessage(reply, [reply.lengths.buffer, reply.companies.buffer, reply.scores.buffer]);
});
