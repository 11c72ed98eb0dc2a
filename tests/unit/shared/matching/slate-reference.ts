/**
 * The first slate solver, kept as a reference for the property tests of the one in slate.ts: the npm
 * min-cost-flow package (successive shortest paths with Bellman–Ford-style search on object edges) and a
 * Bellman–Ford certificate. Correct but slow past a few hundred calls; production does not import it.
 */
import { minCostFlowForNumberNodes, type Edge } from 'min-cost-flow';
import type { SlateCall, SlateResult } from '../../../../shared/matching/slate.js';

const SCALE = 100; // scores have two decimals; integer costs keep the flow exact

/**
 * The partner slate as a min-cost flow: source → call (capacity = partners) → company (capacity 1 per
 * pair) → sink (capacity = what the company can take on), cost = −score. Maximum flow first (as many
 * calls served as possible), then maximum total score.
 */
export function solveSlateReference(calls: readonly SlateCall[], capacity: (company: number) => number): SlateResult {
  const companyNode = new Map<number, number>();
  const companies: number[] = [];
  for (const call of calls) {
    for (const { company } of call.candidates) {
      if (!companyNode.has(company)) {
        companyNode.set(company, calls.length + 1 + companies.length);
        companies.push(company);
      }
    }
  }
  const sink = calls.length + companies.length + 1;
  const edges: Edge<number>[] = [];
  calls.forEach((call, i) => {
    edges.push({ from: 0, to: i + 1, capacity: call.partners, cost: 0 });
    for (const { company, score } of call.candidates) {
      edges.push({ from: i + 1, to: companyNode.get(company)!, capacity: 1, cost: -Math.round(score * SCALE) });
    }
  });
  for (const company of companies) edges.push({ from: companyNode.get(company)!, to: sink, capacity: Math.max(0, capacity(company)), cost: 0 });
  if (companies.length === 0) return { partners: calls.map(() => []), total: 0, unproven: [] };

  const solved = minCostFlowForNumberNodes(edges, Infinity);
  const partners: number[][] = calls.map(() => []);
  let totalCost = 0;
  for (const e of solved) {
    if (e.flow > 0 && e.from >= 1 && e.from <= calls.length) {
      partners[e.from - 1]!.push(companies[e.to - calls.length - 1]!);
      totalCost += e.cost;
    }
  }
  const unproven = certify(solved, calls, companies.length, sink);
  return { partners, total: totalCost === 0 ? 0 : -totalCost / SCALE, unproven };
}

/**
 * Optimality beyond the candidates, by LP duality. Potentials are π(v) = −(cost of the cheapest residual
 * path from v to the sink), from Bellman–Ford (it converges: the flow is optimal on the candidate graph,
 * so there is no negative cycle), and they are valid: no residual arc has negative reduced cost. A left-
 * out pair (call i, company c) of weight w would be an arc i → c; it keeps every reduced cost
 * non-negative, and so cannot make the slate better, if w ≤ π(i) − π(c). Every left-out w is at most
 * the call's outside bound, and a company outside the graph has a free arc to the sink, so it sits at
 * π = 0. A call is proven when its bound passes for every company it has no arc to, and for those
 * outside; roughly, when its list still holds a company that could take it on. A call short of
 * partners is proven only when nobody outside could add anything.
 */
function certify(solved: Required<Edge<number>>[], calls: readonly SlateCall[], companyCount: number, sink: number): number[] {
  const n = sink + 1;
  const residual: { from: number; to: number; cost: number }[] = [];
  let big = 1;
  for (const e of solved) {
    big += Math.abs(e.cost);
    if (e.capacity - e.flow > 0) residual.push({ from: e.from, to: e.to, cost: e.cost });
    if (e.flow > 0) residual.push({ from: e.to, to: e.from, cost: -e.cost });
  }
  const toSink = new Float64Array(n).fill(big);
  toSink[sink] = 0;
  for (let round = 0; ; round++) {
    let changed = false;
    for (const r of residual) {
      if (r.cost + toSink[r.to]! < toSink[r.from]!) {
        toSink[r.from] = r.cost + toSink[r.to]!;
        changed = true;
      }
    }
    if (!changed) break;
    if (round > n) return calls.map((_, i) => i); // a negative cycle: not optimal even on the candidates
  }
  const pi = (v: number) => -toSink[v]!;

  const linked = calls.map(() => new Set<number>());
  const served = new Array<number>(calls.length).fill(0);
  for (const e of solved) {
    if (e.from === 0) served[e.to - 1] = e.flow;
    else if (e.from <= calls.length) linked[e.from - 1]!.add(e.to);
  }
  const firstCompany = calls.length + 1;
  const unproven: number[] = [];
  calls.forEach((call, i) => {
    const bound = Math.round(call.outsideBound * SCALE);
    if (served[i]! < call.partners) {
      // Any company outside, even one scoring 0, would add a pair, and pairs come first.
      if (call.outsideBound >= 0) unproven.push(i);
      return;
    }
    if (call.outsideBound < 0) return; // every company is a candidate: nothing outside to beat
    let worst = pi(sink);
    for (let node = firstCompany; node < firstCompany + companyCount; node++) {
      if (!linked[i]!.has(node) && pi(node) > worst) worst = pi(node);
    }
    if (bound > pi(i + 1) - worst) unproven.push(i);
  });
  return unproven;
}
