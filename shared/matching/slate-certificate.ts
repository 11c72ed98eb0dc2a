import { NodeHeap, type SlateGraph } from './slate-graph.js';

/**
 * Optimality beyond the candidates, by LP duality, checked rather than trusted. From the solver's
 * potentials (reduced costs ≥ 0) one Dijkstra gives q(v) = the cheapest residual path from the sink to
 * v: the largest potentials there are with q(sink) = 0, i.e. the lowest company «prices» −q(c) and the
 * highest call «utilities» q(i) − bonus. Companies with nothing assigned are then capped at 0 (still
 * valid). q is verified on every residual arc; if any reduced cost were negative the slate would not be
 * proven at all. A left-out pair (call i, company c) of weight w would be an arc i → c with cost
 * −(w + bonus); it cannot improve the slate if w + bonus ≤ q(i) − q(c). Every left-out w is at most the
 * call's outside bound, and q(c) ≤ worst = max(q(sink), every company's q): a company outside the graph
 * sits at q(sink), its only arc being the free one to the sink. So a call is proven when
 * bound + bonus ≤ q(i) − worst: when what it gets from its weakest partner, net of that partner's
 * price, is at least what anyone outside could offer. A call with an empty seat has q(i) ≤ q(sink) and
 * is proven only when nobody is outside.
 */
export function certify(g: SlateGraph, pi: Float64Array): number[] {
  const q = potentialsFromSink(g, pi);
  const all = Array.from({ length: g.calls }, (_, i) => i);
  if (!valid(g, q)) return all;
  let worst = q[g.sink]!;
  for (let c = g.calls; c < g.sink; c++) worst = Math.max(worst, q[c]!);
  return all.filter((i) => g.outside[i]! >= 0 && g.outside[i]! + g.bonus > q[i]! - worst);
}

function potentialsFromSink(g: SlateGraph, pi: Float64Array): Float64Array {
  const T = g.sink;
  const dist = new Float64Array(T + 1).fill(Infinity);
  const heap = new NodeHeap(2 * (g.flow.length + T + 1));
  // Each node is expanded once, so the search ends even if π were not valid (then `valid` fails below).
  const done = new Uint8Array(T + 1);
  const relax = (v: number, d: number) => {
    if (!done[v] && d < dist[v]!) {
      dist[v] = d;
      heap.push(d, v);
    }
  };
  relax(T, 0);
  while (heap.size > 0) {
    const d = heap.topKey;
    const v = heap.topNode;
    heap.pop();
    if (done[v] || d > dist[v]!) continue;
    done[v] = 1;
    if (v === T) {
      for (let c = 0; c < g.companyCount; c++) if (g.load[c]! > 0) relax(g.calls + c, d + pi[T]! - pi[g.calls + c]!);
      for (let i = 0; i < g.calls; i++) if (g.empty[i]! > 0) relax(i, d + pi[T]! - pi[i]!);
    } else if (v < g.calls) {
      for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
        if (!g.flow[a]) relax(g.calls + g.arcCompany[a]!, d + g.cost(a) + pi[v]! - pi[g.calls + g.arcCompany[a]!]!);
      }
    } else {
      const c = v - g.calls;
      for (let s = g.slotStart[c]!, end = s + g.load[c]!; s < end; s++) {
        const a = g.assigned[s]!;
        relax(g.arcCall[a]!, d - g.cost(a) + pi[v]! - pi[g.arcCall[a]!]!);
      }
    }
  }
  // Back from reduced to real path costs: q(v) = dist(v) + π(v) − π(sink).
  const q = new Float64Array(T + 1);
  for (let v = 0; v <= T; v++) q[v] = dist[v]! + pi[v]! - pi[T]!;
  for (let c = g.calls; c < T; c++) if (!(q[c]! <= 0)) q[c] = 0; // unreached (∞) too: its only arc goes to the sink
  return q;
}

/** Every residual arc has reduced cost ≥ 0 under q (arcs out of unreached calls have q = ∞ and pass). */
function valid(g: SlateGraph, q: Float64Array): boolean {
  const T = g.sink;
  for (let a = 0; a < g.flow.length; a++) {
    const u = g.arcCall[a]!;
    const c = g.calls + g.arcCompany[a]!;
    if (!(g.flow[a] ? -g.cost(a) + q[c]! - q[u]! >= 0 : g.cost(a) + q[u]! - q[c]! >= 0)) return false;
  }
  for (let c = 0; c < g.companyCount; c++) {
    const v = g.calls + c;
    if (g.load[c]! < g.capacity[c]! && !(q[v]! - q[T]! >= 0)) return false;
    if (g.load[c]! > 0 && !(q[T]! - q[v]! >= 0)) return false;
  }
  for (let i = 0; i < g.calls; i++) {
    if (!(q[i]! - q[T]! >= 0)) return false;
    if (g.empty[i]! > 0 && !(q[T]! - q[i]! >= 0)) return false;
  }
  return true;
}
