/**
 * The k best of a stream of (company, score): highest score first, ties to the lower `order` (the rank of
 * the company's organisation number). A binary heap in typed arrays with the worst kept at the root, so
 * an offer below the floor costs one comparison and nothing is allocated per offer.
 */
export class TopK {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(
    private readonly k: number,
    private readonly order: Int32Array,
  ) {
    this.ids = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** Whether (a, sa) ranks after (b, sb). */
  private worse(a: number, sa: number, b: number, sb: number): boolean {
    return sa < sb || (sa === sb && this.order[a]! > this.order[b]!);
  }

  /** A newcomer scoring below this cannot get in. */
  get floor(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  offer(id: number, score: number): void {
    if (this.size < this.k) {
      let i = this.size++;
      // Sift up: the worse item goes towards the root.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(id, score, this.ids[parent]!, this.scores[parent]!)) break;
        this.ids[i] = this.ids[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.ids[i] = id;
      this.scores[i] = score;
      return;
    }
    if (this.k === 0 || !this.worse(this.ids[0]!, this.scores[0]!, id, score)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.worse(this.ids[r]!, this.scores[r]!, this.ids[l]!, this.scores[l]!) ? r : l;
      if (!this.worse(this.ids[c]!, this.scores[c]!, id, score)) break;
      this.ids[i] = this.ids[c]!;
      this.scores[i] = this.scores[c]!;
      i = c;
    }
    this.ids[i] = id;
    this.scores[i] = score;
  }

  /** Best first. */
  sorted(): { company: number; score: number }[] {
    const out: { company: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ company: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || this.order[a.company]! - this.order[b.company]!);
  }
}
