/**
 * Place and size as a stated preference: locality and SME count only when the municipality turns
 * them on for a call, and then only as a tie-breaker (a few points, see WEIGHTS in score.ts). One pure
 * function decides, so the partner list, the company's own list and the slate read the same choice.
 *
 * Defaults by procedure: on for market dialogue (talking to the local market is the point), off for
 * every competition (innovation partnership, competitive negotiation, pre-commercial procurement,
 * start-up challenge), where equal treatment applies. A call without a procedure (as in the evaluation
 * sets) gets the competition default: off. What the call states explicitly always wins.
 */
export interface MatchPreferences {
  locality: boolean;
  sme: boolean;
}

export interface PreferenceSource {
  procedure?: string;
  matchPreferences?: { locality?: boolean; sme?: boolean };
}

export function defaultPreferences(procedure: string | undefined): MatchPreferences {
  const on = procedure === 'market-dialogue';
  return { locality: on, sme: on };
}

export function resolvePreferences(call: PreferenceSource): MatchPreferences {
  const d = defaultPreferences(call.procedure);
  return {
    locality: call.matchPreferences?.locality ?? d.locality,
    sme: call.matchPreferences?.sme ?? d.sme,
  };
}
