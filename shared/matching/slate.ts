import { certify } from './slate-certificate.js';
import { NodeHeap, SCALE, SlateGraph, type SlateCall } from './slate-graph.js';

export type { SlateCall } from './slate-graph.js';

export interface SlateResult {
  /** Per call, the companies chosen (indices into the caller's company list). */
  partners: number[][];
  /** Sum of the chosen pairs' scores. */
  total: number;
  /**
   * Calls whose candidate list was too short to prove optimality (grow them and solve again). Empty
   * means the slate is optimal over all companies, not just the candidates: there are node potentials
   * under which every pair left out has non-negative reduced cost (LP duality for min-cost flow).
   */
  unproven: number[];
}

/**
 * The partner slate as a min-cost flow: call (supply = partners) → company (capacity 1 per pair) → sink
 * (capacity = what the company can take on), cost = −score; as many pairs as possible first, then the
 * highest total (see SlateGraph). Successive shortest paths, one seat at a time: Dijkstra from the
 * seat's call on reduced costs, stopped at the first company with room (or an empty seat), then the
 * potentials of the nodes it settled are lowered by (D − distance) so every reduced cost stays ≥ 0
 * (π(v) + min(d(v), D) − D is a valid potential). Each search only explores the companies the seat
 * competes for, so an uncontested call costs one look at its list. The certificate is separate
 * (slate-certificate.ts) and checks the result rather than trusting this code.
 */
export function solveSlate(calls: readonly SlateCall[], capacity: (company: number) => number): SlateResult {
  const g = new SlateGraph(calls, capacity);
  const pi = initialPotentials(g);
  const search = new SeatSearch(g, pi);
  for (let i = 0; i < g.calls; i++) {
    for (let seat = 0; seat < g.seats[i]!; seat++) search.fill(i);
  }
  const partners: number[][] = calls.map(() => []);
  let cents = 0;
  for (let a = 0; a < g.flow.length; a++) {
    if (!g.flow[a]) continue;
    partners[g.arcCall[a]!]!.push(g.companyId[g.arcCompany[a]!]!);
    cents += g.weight[a]!;
  }
  return { partners, total: cents / SCALE, unproven: certify(g, pi) };
}

/**
 * Companies and the sink at 0, each call at its best arc's −cost: every arc call → company then has
 * reduced cost (its best weight − the arc's) ≥ 0, and a call whose favourite has room is served by a
 * search that stops at once.
 */
function initialPotentials(g: SlateGraph): Float64Array {
  const pi = new Float64Array(g.sink + 1);
  for (let i = 0; i < g.calls; i++) {
    let best = 0;
    for (let a = g.arcStart[i]!; a < g.arcStart[i + 1]!; a++) best = Math.max(best, -g.cost(a));
    pi[i] = best;
  }
  return pi;
}

class SeatSearch {
  private readonly dist: Float64Array;
  /** Arc by which a call or company node was reached; for the sink, the node it was reached from. */
  private readonly via: Int32Array;
  private readonly settledAt: Int32Array;
  private readonly heap: NodeHeap;
  private readonly touched: number[] = [];
  private readonly settled: number[] = [];
  private epoch = 0;

  constructor(
    private readonly g: SlateGraph,
    private readonly pi: Float64Array,
  ) {
    const nodes = g.sink + 1;
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.via = new Int32Array(nodes);
    this.settledAt = new Int32Array(nodes);
    this.heap = new NodeHeap(2 * (g.flow.length + nodes));
  }

  /** One more unit from call `source` along a shortest path to the sink. */
  fill(source: number): void {
    const { g, pi, dist, via, heap } = this;
    const epoch = ++this.epoch;
    const T = g.sink;
    const relax = (node: number, d: number, from: number) => {
      if (d < dist[node]!) {
        if (dist[node] === Infinity) this.touched.push(node);
        dist[node] = d;
        via[node] = from;
        heap.push(d, node);
      }
    };
    relax(source, 0, -1);
    let reached = -1;
    while (heap.size > 0) {
      const d = heap.topKey;
      const v = heap.topNode;
      heap.pop();
      if (this.settledAt[v] === epoch || d > dist[v]!) continue;
      this.settledAt[v] = epoch;
      this.settled.push(v);
      if (v === T) {
        reached = d;
        break;
      }
      if (v < g.calls) {
        for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
          if (g.flow[a]) continue;
          const c = g.calls + g.arcCompany[a]!;
          relax(c, d + g.cost(a) + pi[v]! - pi[c]!, a);
        }
        relax(T, d + pi[v]! - pi[T]!, v); // leave the seat empty
      } else {
        const c = v - g.calls;
        for (let s = g.slotStart[c]!, end = s + g.load[c]!; s < end; s++) {
          const a = g.assigned[s]!;
          const u = g.arcCall[a]!;
          relax(u, d - g.cost(a) + pi[v]! - pi[u]!, a);
        }
        if (g.load[c]! < g.capacity[c]!) relax(T, d + pi[v]! - pi[T]!, v);
      }
    }
    // The empty-seat arc always leads to the sink, so it is always reached.
    for (const v of this.settled) pi[v] = pi[v]! + dist[v]! - reached;
    this.augment(source);
    for (const v of this.touched) dist[v] = Infinity;
    this.touched.length = 0;
    this.settled.length = 0;
    heap.clear();
  }

  /** Flips the path found: source → company → call → … → company (taking one more) or call (one more empty seat). */
  private augment(source: number): void {
    const g = this.g;
    let node = this.via[g.sink]!;
    if (node < g.calls) g.empty[node]!++;
    for (;;) {
      if (node === source) return;
      const a = this.via[node]!;
      if (node < g.calls) {
        g.unassign(a); // the call gives up this company …
        node = g.calls + g.arcCompany[a]!;
      } else {
        g.assign(a); // … which the call before it on the path takes
        node = g.arcCall[a]!;
      }
    }
  }
}
