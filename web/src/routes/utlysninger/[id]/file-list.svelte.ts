import { m } from '$lib/paraglide/messages';
import { sectionActions } from '$lib/action.svelte';
import type { FileInfo } from '$shared/schemas/openphase';
import type { uploadFile } from './upload';

/**
 * The files a section shows (the documents of a call, the attachments of one's proposal): read again when
 * anything `read` uses changes (an empty list when they cannot be read), with the section's actions, which
 * read them again after each change.
 */
export function fileList(read: () => Promise<FileInfo[]>) {
	const state = $state({ items: [] as FileInfo[] });
	const load = async () => {
		state.items = await read();
	};
	$effect(() => {
		load().catch(() => (state.items = []));
	});
	const actions = sectionActions(load, { ownErrors: true });
	return {
		get items() {
			return state.items;
		},
		actions,
		/** Declares and sends the chosen file (see uploadFile); says `done` and resolves true when it went through. */
		upload: (route: Parameters<typeof uploadFile>[0], callId: string, file: File | undefined, extra: Parameters<typeof uploadFile>[3], done: string) =>
			actions.run(async () => {
				if (!file) throw new Error(m.op_choose_file());
				// Loaded here, not at the top: only the forms that upload call this, and they load on use.
				await (await import('./upload')).uploadFile(route, callId, file, extra);
			}, done),
	};
}
