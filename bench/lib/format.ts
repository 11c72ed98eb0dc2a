/** Plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** Milliseconds: two decimals below 10 ms (loopback latencies), one above. */
export const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);
export const ratio = (x: number) => `${x.toFixed(2)}x`;
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
export const goal = (met: boolean) => (met ? 'MET' : 'NOT MET');
