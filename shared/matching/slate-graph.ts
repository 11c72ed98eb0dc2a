/** One call in a slate problem: its best companies (by score, best first) and a bound on all the others. */
export interface SlateCall {
  partners: number;
  candidates: readonly { company: number; score: number }[];
  /** No company outside `candidates` scores more than this for the call; −1 when there is none outside. */
  outsideBound: number;
}

export const SCALE = 100; // scores have two decimals; integer weights keep the flow exact

/**
 * The candidate graph of a slate problem in typed arrays. Nodes: calls 0 … N−1, companies N … N+C−1 (in
 * order of first appearance), the sink T = N+C. Arc a (call → company) has weight w[a] = score in
 * hundredths; the flow on it is 0 or 1. Each call also has a free «empty seat» arc to the sink (weight
 * 0, any capacity), so every seat is always filled by something and the supplies are fixed; a real pair
 * is worth `bonus` more than any weight difference can be, which makes «as many pairs as possible,
 * then the highest total» one min-cost objective: cost(a) = −(w[a] + bonus).
 */
export class SlateGraph {
  readonly calls: number;
  readonly companyCount: number;
  readonly sink: number;
  /** The caller's company index of each company node (node − calls). */
  readonly companyId: Int32Array;
  readonly capacity: Int32Array;
  readonly seats: Int32Array;
  readonly arcStart: Int32Array;
  readonly arcCompany: Int32Array;
  readonly arcCall: Int32Array;
  readonly weight: Float64Array;
  readonly flow: Uint8Array;
  readonly bonus: number;
  /** Companies' current partners: arc ids, company c's in assigned[slotStart[c] … slotStart[c]+load[c]). */
  readonly slotStart: Int32Array;
  readonly assigned: Int32Array;
  readonly load: Int32Array;
  /** Seats left empty per call. */
  readonly empty: Int32Array;
  /** Outside bound per call in hundredths; −1 when nothing is outside. */
  readonly outside: Float64Array;

  constructor(problem: readonly SlateCall[], capacity: (company: number) => number) {
    const n = problem.length;
    const local = new Map<number, number>();
    const ids: number[] = [];
    let arcs = 0;
    for (const call of problem) {
      for (const { company } of call.candidates) {
        if (!local.has(company)) local.set(company, ids.push(company) - 1);
        arcs++;
      }
    }
    this.calls = n;
    this.companyCount = ids.length;
    this.sink = n + ids.length;
    this.companyId = Int32Array.from(ids);
    this.capacity = Int32Array.from(ids, (c) => Math.max(0, capacity(c)));
    this.seats = Int32Array.from(problem, (call) => Math.max(0, call.partners));
    this.outside = Float64Array.from(problem, (call) => (call.outsideBound < 0 ? -1 : Math.round(call.outsideBound * SCALE)));
    this.arcStart = new Int32Array(n + 1);
    this.arcCompany = new Int32Array(arcs);
    this.arcCall = new Int32Array(arcs);
    this.weight = new Float64Array(arcs);
    this.flow = new Uint8Array(arcs);
    const indegree = new Int32Array(ids.length);
    let a = 0;
    let bonus = 1;
    problem.forEach((call, i) => {
      this.arcStart[i] = a;
      let best = 0;
      for (const { company, score } of call.candidates) {
        const c = local.get(company)!;
        this.arcCompany[a] = c;
        this.arcCall[a] = i;
        this.weight[a] = Math.round(score * SCALE);
        if (this.weight[a]! > best) best = this.weight[a]!;
        indegree[c]!++;
        a++;
      }
      // Left-out pairs score at most the outside bound; the bonus must outweigh them too (the certificate adds them).
      bonus += Math.max(best, this.outside[i]!) * this.seats[i]!;
    });
    this.arcStart[n] = a;
    this.bonus = bonus;
    this.slotStart = new Int32Array(ids.length + 1);
    for (let c = 0; c < ids.length; c++) this.slotStart[c + 1] = this.slotStart[c]! + Math.min(indegree[c]!, this.capacity[c]!);
    this.assigned = new Int32Array(this.slotStart[ids.length]!);
    this.load = new Int32Array(ids.length);
    this.empty = new Int32Array(n);
  }

  /** The cost of arc a (call → company); its reverse costs the negation. */
  cost(a: number): number {
    return -(this.weight[a]! + this.bonus);
  }

  assign(a: number): void {
    const c = this.arcCompany[a]!;
    this.flow[a] = 1;
    this.assigned[this.slotStart[c]! + this.load[c]!++] = a;
  }

  unassign(a: number): void {
    const c = this.arcCompany[a]!;
    this.flow[a] = 0;
    const from = this.slotStart[c]!;
    const last = from + --this.load[c]!;
    for (let s = from; s <= last; s++) {
      if (this.assigned[s] === a) {
        this.assigned[s] = this.assigned[last]!;
        return;
      }
    }
  }
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
export class NodeHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the smallest entry; read it first with topKey/topNode. */
  pop(): void {
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  get topKey(): number {
    return this.keys[0]!;
  }

  get topNode(): number {
    return this.nodes[0]!;
  }

  clear(): void {
    this.size = 0;
  }
}
