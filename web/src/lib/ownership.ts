import type { Me } from '$shared/schemas/organisations';
import type { Call } from '$shared/schemas/calls';

/**
 * Whether the signed-in user belongs to the municipality that owns the call. The API decides for real;
 * this only chooses which buttons to show. A municipality organisation's id is its kommunenummer.
 */
export function ownsCall(me: Me | null, call: Pick<Call, 'municipalityCode' | 'municipalityName'>): boolean {
	if (!me || me.organisation.kind !== 'municipality') return false;
	return me.organisation.id === call.municipalityCode || me.organisation.name === call.municipalityName;
}
