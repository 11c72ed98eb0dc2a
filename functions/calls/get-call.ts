import type { Call } from '../../shared/schemas/calls.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { getCall as readCall } from '../data/calls.js';
import { assertVisible, callView } from './view.js';

export async function getCall(id: string, principal: Principal | undefined): Promise<Call> {
  return callView(assertVisible(await readCall(id), principal), now());
}
