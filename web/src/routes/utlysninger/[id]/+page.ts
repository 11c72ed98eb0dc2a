import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';

export const load: PageLoad = async ({ params, parent }) => {
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	try {
		const { data, etag } = await api('getCall', { params: { id: params.id } });
		return { call: data, etag };
	} catch (e) {
		failLoad(e);
	}
};
