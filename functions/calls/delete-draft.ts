import { conflict } from '../core/errors.js';
import type { Principal } from '../core/principal.js';
import { now } from '../core/clock.js';
import { effectiveStatus } from '../../shared/domain/call-status.js';
import { deleteDraftCall, getCall } from '../data/calls.js';
import { assertOwned } from './view.js';
import { freeDraftSlot } from './draft-cap.js';

/**
 * A draft that was never published can be deleted by its municipality (204). Once published a call is
 * part of the public record: 409, cancel it instead. Another municipality's draft is a 404 (assertOwned).
 */
export async function deleteDraft(id: string, principal: Principal): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const call = assertOwned(await getCall(id), principal);
    if (call.status !== 'draft') {
      const status = effectiveStatus(call.status, call.deadline, now());
      throw conflict(`Only drafts can be deleted; this call is ${status}. Cancel it instead.`);
    }
    if (await deleteDraftCall(call)) {
      // The draft's slot under the 200-draft cap is free again (draft-cap.ts).
      await freeDraftSlot(call.municipalityCode);
      return;
    }
    // Changed (edited or published) between read and delete: decide again on what is stored now.
  }
  throw new Error(`call ${id} kept changing while being deleted`);
}
