import type { PageLoad } from './$types';
import { api } from '$lib/api';
import { failLoad } from '$lib/load';
import { lessonFiltersFromUrl, lessonQuery } from '$lib/lessons';

export const load: PageLoad = async ({ url, parent }) => {
	await parent();
	const filters = lessonFiltersFromUrl(url);
	try {
		const { data } = await api('listLessons', { query: lessonQuery(filters) });
		return { filters, page: data };
	} catch (e) {
		failLoad(e);
	}
};
