import { loadConfig } from '$lib/config';
import { session } from '$lib/auth/session.svelte';

// Uploading (declare, then PUT) is in upload.ts, loaded only by the forms that upload.

export const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Fetches a protected download (bearer token), following the 302, and saves it under its file name. */
export async function downloadProtected(path: string, fileName: string): Promise<void> {
	const base = (await loadConfig()).apiBase;
	const headers: Record<string, string> = session.token ? { authorization: `Bearer ${session.token}` } : {};
	const res = await fetch(base + path, { headers });
	if (!res.ok) throw new Error(String(res.status));
	const url = URL.createObjectURL(await res.blob());
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
