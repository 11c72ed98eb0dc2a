import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';

export const load: PageLoad = async ({ params, parent, depends }) => {
	await parent();
	// Refetched after a membership decision, so the member list follows.
	depends('app:association');
	try {
		return { association: (await api('getAssociation', { params: { id: params.id } })).data };
	} catch (e) {
		failLoad(e);
	}
};
