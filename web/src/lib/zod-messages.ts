import * as z from 'zod/mini';
import zodNo from 'zod/v4/locales/no.js';
import zodEn from 'zod/v4/locales/en.js';
import { m } from '$lib/paraglide/messages';
import { i18n } from '$lib/i18n.svelte';

let configuredFor: string | undefined;

/**
 * Sets zod's messages for the current language. Called before every validation (lib/forms.ts), so zod
 * and its locales load with the forms that use them, not on every page.
 */
export function useZodMessages(): void {
	if (configuredFor === i18n.locale) return;
	configuredFor = i18n.locale;
	configureZod();
}

/**
 * Zod's built-in messages are written for developers ("forventet string til å ha >=3 tegn"); the common
 * cases get plain-language messages, the rest fall back to zod's own nb/en locale.
 */
function configureZod(): void {
	const fallback = (i18n.locale === 'nb' ? zodNo() : zodEn()).localeError;
	z.config({
		localeError: (issue) => {
			if (issue.code === 'too_small') {
				const min = Number(issue.minimum);
				if (issue.origin === 'string') return min <= 1 ? m.err_required() : m.err_min_chars({ min });
				if (issue.origin === 'array') return min <= 1 ? m.err_min_one() : m.err_min_items({ min });
				if (issue.origin === 'number') return m.err_min_number({ min });
			}
			if (issue.code === 'too_big') {
				const max = Number(issue.maximum);
				if (issue.origin === 'string') return m.err_max_chars({ max });
				if (issue.origin === 'array') return m.err_max_items({ max });
				if (issue.origin === 'number') return m.err_max_number({ max });
			}
			if (issue.code === 'invalid_type' && issue.input === undefined) return m.err_required();
			if (issue.code === 'invalid_type' && issue.expected === 'int') return m.err_whole_number();
			if (issue.code === 'invalid_format' && issue.format === 'datetime') return m.err_datetime();
			if (issue.code === 'invalid_format' && issue.format === 'url') return m.err_url();
			if (issue.code === 'invalid_value') return m.err_choose();
			return fallback(issue);
		},
	});
}
