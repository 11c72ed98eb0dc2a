/**
 * Monthly AWS cost of one market size from the measured units and a stated traffic model. Everything is
 * per request of a route (read/write units, ms, bytes out) times requests a day times 30, plus storage.
 */
import { memoryOf } from '../../infra/constructs/sizing.js';
import { PRICES } from './prices.js';

/** Requests a day at national size, per route id (prefix match); smaller sizes scale with their calls. */
export const TRAFFIC_NATIONAL: Record<string, number> = {
  'GET /api/calls (page 20)': 12_000,
  'GET /api/calls?status=closed': 1_500,
  'GET /api/calls?municipality=3107': 6_000,
  'GET /api/calls?county=31': 3_000,
  'GET /api/calls?domain=energy': 3_000,
  'GET /api/calls?cpv=48': 1_500,
  'GET /api/calls?q=sensorer': 3_000,
  'GET /api/calls?q=lading&county=31': 1_000,
  'GET /api/calls/{id}': 60_000,
  'GET /api/calls?mine=true (3107)': 2_000,
  'GET /api/me/proposals (page 5)': 3_000,
  'GET /api/programme/stats': 500,
  'county statistics (C#31 counters)': 0,
  'programme figures without «needs help» (ALL counters)': 0,
  'programme statistics, full recompute (before counters)': 0,
  // Readers of all open calls reload a per-container copy at most every 5 minutes: 2 warm containers, all day.
  'open calls reload (slate, my matches, notices)': 2 * 288,
};
/** Share of anonymous GETs CloudFront answers from its cache (s-maxage=30): those never reach Lambda or DynamoDB. */
export const CDN_HIT_RATIO = 0.5;
/** Writes a day at national size: calls created or changed (each rewrites its postings and counters) and proposals. */
export const WRITES_NATIONAL = { callWrites: 60, proposalWrites: 200, profileWrites: 300 };
/** Partner slates a day at national size (the programme owner and county staff trying capacities and call sets). */
export const SLATES_PER_DAY = 10;
/** The memory, GB, of the function a route id runs on (infra/constructs/sizing.ts): programme routes run with two vCPUs. */
export const lambdaGbOf = (routeId: string) => memoryOf(/ \/api\/programme\//.test(routeId) ? 'programme' : '') / 1024;

export interface RouteFigures {
  id: string;
  role: string;
  readUnits: number;
  writeUnits: number;
  p50: number;
  bytesOut: number;
}

export interface CostLine {
  item: string;
  usd: number;
  formula: string;
}

export function monthlyCost(
  routes: readonly RouteFigures[],
  scale: number,
  perWrite: { call: number; proposal: number; profile: number },
  storageGb: number,
  /** Seconds one partner slate over every open call takes (the matching bench), when measured. */
  slateSeconds?: number,
): CostLine[] {
  const lines: CostLine[] = [];
  const p = PRICES;
  let lambdaGbS = 0;
  let requests = 0;
  let bytes = 0;
  let reads = 0;
  for (const r of routes) {
    const perDay = (TRAFFIC_NATIONAL[r.id] ?? 0) * scale;
    const origin = r.role === 'public' ? perDay * (1 - CDN_HIT_RATIO) : perDay;
    reads += origin * 30 * r.readUnits;
    lambdaGbS += origin * 30 * (r.p50 / 1000) * lambdaGbOf(r.id);
    requests += perDay * 30;
    bytes += perDay * 30 * r.bytesOut;
  }
  // The slate is a POST of the programme owner: not cached, on the programme function, seconds long.
  const slateGbS = slateSeconds === undefined ? 0 : (SLATES_PER_DAY * scale * 30 * slateSeconds * memoryOf('programme')) / 1024;
  lambdaGbS += slateGbS;
  requests += slateSeconds === undefined ? 0 : SLATES_PER_DAY * scale * 30;
  const w = WRITES_NATIONAL;
  const writes = 30 * scale * (w.callWrites * perWrite.call + w.proposalWrites * perWrite.proposal + w.profileWrites * perWrite.profile);
  lines.push({
    item: 'DynamoDB reads',
    usd: (reads / 1e6) * p.dynamodb.perMillionReadUnits,
    formula: `Σ route (req/day × (1 − CDN hit for public) × RCU) × 30 = ${Math.round(reads).toLocaleString('en')} RRU × $${p.dynamodb.perMillionReadUnits}/M`,
  });
  lines.push({
    item: 'DynamoDB writes (incl. postings, counters, index writes)',
    usd: (writes / 1e6) * p.dynamodb.perMillionWriteUnits,
    formula: `30 × (call writes × ${perWrite.call.toFixed(0)} + proposals × ${perWrite.proposal.toFixed(1)} + profiles × ${perWrite.profile.toFixed(1)} WRU) = ${Math.round(writes).toLocaleString('en')} WRU × $${p.dynamodb.perMillionWriteUnits}/M`,
  });
  lines.push({
    item: 'DynamoDB storage',
    usd: storageGb * p.dynamodb.perGbMonth,
    formula: `${storageGb.toFixed(2)} GB (table + index copies) × $${p.dynamodb.perGbMonth}`,
  });
  lines.push({
    item: 'Lambda (arm64; 1 GB, programme 3.5 GB)',
    usd: lambdaGbS * p.lambda.perGbSecond + (requests / 1e6) * p.lambda.perMillionRequests,
    formula:
      `Σ origin req × p50 s × the function's GB` +
      (slateSeconds === undefined
        ? ''
        : ` + ${+(SLATES_PER_DAY * scale).toFixed(2)} slates/day × ${slateSeconds.toFixed(1)} s × ${memoryOf('programme') / 1024} GB (${Math.round(slateGbS).toLocaleString('en')} GB-s)`) +
      ` = ${Math.round(lambdaGbS).toLocaleString('en')} GB-s × $${p.lambda.perGbSecond} + requests × $${p.lambda.perMillionRequests}/M`,
  });
  lines.push({
    item: 'HTTP API',
    usd: (requests / 1e6) * p.httpApi.perMillionRequests * (1 - CDN_HIT_RATIO / 2),
    formula: `origin requests × $${p.httpApi.perMillionRequests}/M`,
  });
  lines.push({
    item: 'CloudFront',
    usd: (bytes / 1e9) * p.cloudfront.perGbOut + (requests / 1e4) * p.cloudfront.per10kRequests,
    formula: `${(bytes / 1e9).toFixed(1)} GB × $${p.cloudfront.perGbOut} + ${Math.round(requests).toLocaleString('en')} req × $${p.cloudfront.per10kRequests}/10k`,
  });
  lines.push({
    item: 'S3 (match snapshot, site)',
    usd: 1 * p.s3.perGbMonth + ((30 * 100) / 1e3) * p.s3.per1kGet + ((30 * 300) / 1e3) * p.s3.per1kPut,
    formula: '1 GB + 100 snapshot GETs/day (cold starts) + ≤ 300 snapshot PUTs/day (debounced profile changes)',
  });
  return lines;
}
