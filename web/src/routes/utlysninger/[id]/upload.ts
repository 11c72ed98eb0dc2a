import { api } from '$lib/api';
import type { FILE_TYPES } from '$shared/domain/files';

/*
 * Kept apart from files.ts (sizes, protected downloads), which every visitor of a call page loads: only the
 * owner's and a company's upload forms need this, and they load on use (Lazy.svelte).
 */

const BY_EXTENSION: Record<string, keyof typeof FILE_TYPES> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	zip: 'application/zip',
};

/** The accept attribute for file inputs. */
export const ACCEPT = Object.keys(BY_EXTENSION)
	.map((e) => `.${e}`)
	.join(',');

/** The declared type: from the extension (browsers disagree on file.type for office files and ZIP). */
export function contentTypeOf(file: File): string {
	return BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? (file.type || 'application/octet-stream');
}

async function sha256Hex(file: File): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The upload protocol: declare (name, type, size, SHA-256) through the API, then PUT the bytes to the URL it
 * answers (S3 in AWS, the local server locally). Throws ApiError for a refused declaration, Error for a refused PUT.
 */
export async function uploadFile(
	route: 'declareDocument' | 'declareAttachment',
	callId: string,
	file: File,
	extra: { changeNote?: string; replaces?: string; redacts?: string } = {},
): Promise<string> {
	const body = { fileName: file.name, contentType: contentTypeOf(file), size: file.size, sha256: await sha256Hex(file), ...extra };
	const { data } = await api(route, { params: { id: callId }, body });
	const put = await fetch(data.upload.url, { method: 'PUT', headers: data.upload.headers, body: file });
	if (!put.ok) {
		let detail = `${put.status}`;
		try {
			detail = ((await put.json()) as { detail?: string }).detail ?? detail;
		} catch {
			// S3 answers XML; the status says enough
		}
		throw new Error(detail);
	}
	return data.id;
}
