import autocannon from 'autocannon';
import { quantile } from '../lib/stats.js';

export interface LoadFigures {
  /** Responses with the expected status per second over the measured window. */
  rps: number;
  /** Latency of those responses, ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses with any other status. */
  unexpected: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

interface Run {
  result: autocannon.Result;
  expected: number;
  /** Latency of each expected response, ms with sub-ms precision (autocannon's histogram keeps whole ms). */
  latencies: number[];
}

function cannon(url: string, expectStatus: number, connections: number, duration: number): Promise<Run> {
  return new Promise((ok, fail) => {
    const latencies: number[] = [];
    // Keep-alive HTTP/1.1, one request in flight per connection, no pipelining: what a browser does.
    const instance = autocannon({ url, connections, duration, pipelining: 1, method: 'GET' }, (err, result) =>
      err ? fail(err) : ok({ result, expected: latencies.length, latencies }),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === expectStatus) latencies.push(ms);
    });
  });
}

/** Warms the server up (JIT, caches, connections), then measures a fixed-duration run. */
export async function load(url: string, expectStatus: number, opts: LoadOptions): Promise<LoadFigures> {
  await cannon(url, expectStatus, opts.connections, opts.warmupSeconds);
  const { result, expected, latencies } = await cannon(url, expectStatus, opts.connections, opts.durationSeconds);
  return {
    rps: expected / result.duration,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    requests: result.requests.total,
    unexpected: result.requests.total - expected,
    errors: result.errors,
  };
}
