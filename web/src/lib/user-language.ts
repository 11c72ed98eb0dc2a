import { api } from '$lib/api';
import { i18n } from '$lib/i18n.svelte';
import type { Locale } from '$lib/paraglide/runtime';
import type { Me } from '$shared/schemas/organisations';

/**
 * The signed-in user's language is the one they last used the web app in: e-mails to them (alerts, notices,
 * letters) follow it. A failed write is left for the next sign-in or switch: the UI has switched anyway.
 */
export async function storeLanguage(locale: Locale): Promise<void> {
	try {
		await api('putMyLanguage', { body: { language: locale } });
	} catch {
		// kept as it was; sign-in writes it again
	}
}

/** After sign-in: store the language in use when the user's stored one differs (or there is none). */
export function syncUserLanguage(me: Me): void {
	if (me.user.language !== i18n.locale) void storeLanguage(i18n.locale);
}
