import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';

export const load: PageLoad = async ({ parent }) => {
	await parent();
	try {
		return { associations: (await api('listAssociations')).data.items };
	} catch (e) {
		failLoad(e);
	}
};
