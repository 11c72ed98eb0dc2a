import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Consumed capacity, counted per request. Every DynamoDB call asks for `ReturnConsumedCapacity: TOTAL`
 * (the middleware in client.ts) and adds what DynamoDB answers to the meter of the request it runs in
 * (AsyncLocalStorage), and to a process-wide meter the benches read. Items read are counted from the
 * answers too (Count of a Query, the Item of a Get, the Responses of a BatchGet), since capacity alone does
 * not say how many items a page cost.
 *
 * What the embedded engine (dynalite 4) answers: ConsumedCapacity for GetItem, PutItem, UpdateItem,
 * DeleteItem, Query, Scan, BatchGetItem and BatchWriteItem, computed by DynamoDB's rules (reads in 4 KB
 * units, halved when eventually consistent, summed over a Query's items before rounding; writes in 1 KB
 * units of the larger of old and new item). It does not add the write units a global secondary index
 * costs, so `gsiWriteUnits` estimates them here from each written item (1 KB units per index whose key the
 * item carries) for Put and BatchWrite puts; DynamoDB in AWS reports them itself.
 */
export interface Meter {
  /** DynamoDB requests sent. */
  requests: number;
  readUnits: number;
  writeUnits: number;
  /** Estimated index write units not reported by the embedded engine (0 against AWS). */
  gsiWriteUnits: number;
  itemsRead: number;
  itemsWritten: number;
}

export const emptyMeter = (): Meter => ({ requests: 0, readUnits: 0, writeUnits: 0, gsiWriteUnits: 0, itemsRead: 0, itemsWritten: 0 });

const current = new AsyncLocalStorage<Meter>();
/** Everything this process has consumed since it started (or since `resetProcessMeter`). */
export const processMeter: Meter = emptyMeter();

export function resetProcessMeter(): void {
  Object.assign(processMeter, emptyMeter());
}

/** Runs `fn` with a fresh meter and returns what its DynamoDB calls consumed (nested meters add to outer ones). */
export async function metered<T>(fn: () => Promise<T>): Promise<{ value: T; meter: Meter }> {
  const meter = emptyMeter();
  const value = await current.run(meter, fn);
  return { value, meter };
}

/** The meter of the request under way, if any. */
export const currentMeter = (): Meter | undefined => current.getStore();

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

interface CapacityOut {
  ConsumedCapacity?: { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number } | { CapacityUnits?: number }[];
  Count?: number;
  /** Items a Query read before its filter: what its capacity is charged for. */
  ScannedCount?: number;
  Item?: unknown;
  Responses?: Record<string, unknown[]>;
}

/** Adds one answer to the current and the process meter. `indexedWrites` is estimated by the caller. */
export function record(commandName: string, output: CapacityOut, indexedWrites: number, itemsWritten: number): void {
  const list = Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : output.ConsumedCapacity ? [output.ConsumedCapacity] : [];
  const units = list.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0);
  const write = WRITES.has(commandName);
  const itemsRead = output.ScannedCount ?? output.Count ?? (output.Item ? 1 : 0) + Object.values(output.Responses ?? {}).reduce((s, r) => s + r.length, 0);
  for (const m of [processMeter, current.getStore()]) {
    if (!m) continue;
    m.requests++;
    if (write) m.writeUnits += units;
    else m.readUnits += units;
    m.gsiWriteUnits += indexedWrites;
    m.itemsRead += write ? 0 : itemsRead;
    m.itemsWritten += itemsWritten;
  }
}
