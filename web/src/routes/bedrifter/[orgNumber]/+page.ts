import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';

export const load: PageLoad = async ({ params, parent }) => {
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	try {
		const { data } = await api('getCompany', { params: { orgNumber: params.orgNumber } });
		return { company: data };
	} catch (e) {
		failLoad(e);
	}
};
