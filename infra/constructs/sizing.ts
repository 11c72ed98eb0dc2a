/**
 * Memory of the API functions, MB, by route group: what CDK deploys (infra/stacks/api.ts) and what the cost
 * bench prices (bench/scale/cost.ts). Lambda gives CPU in proportion to memory, one vCPU at 1,769 MB. No CDK
 * import here, so the bench can read it.
 */
export const DEFAULT_MEMORY_MB = 1024;
export const MEMORY_MB: Readonly<Partial<Record<string, number>>> = {
  // The partner slate ranks its calls on two cores (functions/matching/rank-on-all-cores.ts): two vCPUs from 3,538 MB.
  programme: 3584,
};
export const memoryOf = (group: string) => MEMORY_MB[group] ?? DEFAULT_MEMORY_MB;
/** Worker threads worth starting beside the request's own: one per vCPU but that one. */
export const rankWorkersOf = (group: string) => Math.max(0, Math.floor(memoryOf(group) / 1769) - 1);
