import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';

export const load: PageLoad = async ({ params, depends, parent }) => {
	// Loads run in parallel with the root layout's; wait for its config and restored session.
	await parent();
	// Named so the 412 "load the latest version" button can refetch just this.
	depends('app:call-edit');
	try {
		const { data, etag } = await api('getCall', { params: { id: params.id } });
		return { call: data, etag };
	} catch (e) {
		failLoad(e);
	}
};
