import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business and safety metrics as CloudWatch Embedded Metric Format (Powertools). Each count is published
 * at once as its own EMF line (`singleMetric`), so no flush middleware has to run after every request and
 * requests that count nothing log nothing. Locally the server turns metrics off (POWERTOOLS_METRICS_DISABLED).
 */
export const metrics = new Metrics({ namespace: 'Innovasjonstorget', serviceName: 'innovasjonstorget' });

export const METRIC = {
  /** Someone tried to read proposals (or their attachments) before the rules allow it. */
  sealedReadAttempt: 'SealedReadAttempts',
  /** A conditional write lost: a concurrent editor, a duplicate create, a cap reached. */
  conditionalWriteConflict: 'ConditionalWriteConflicts',
} as const;

export function count(name: (typeof METRIC)[keyof typeof METRIC], dimensions: Record<string, string> = {}): void {
  const single = metrics.singleMetric();
  for (const [k, v] of Object.entries(dimensions)) single.addDimension(k, v);
  single.addMetric(name, MetricUnit.Count, 1);
}

/** What one request consumed of DynamoDB, per route (functions/data/capacity.ts measures it). */
export function capacityMetrics(route: string, meter: { readUnits: number; writeUnits: number; itemsRead: number }): void {
  if (meter.readUnits === 0 && meter.writeUnits === 0) return;
  const single = metrics.singleMetric();
  single.addDimension('route', route);
  single.addMetric('ReadCapacityUnits', MetricUnit.Count, meter.readUnits);
  single.addMetric('WriteCapacityUnits', MetricUnit.Count, meter.writeUnits);
  single.addMetric('ItemsRead', MetricUnit.Count, meter.itemsRead);
}
