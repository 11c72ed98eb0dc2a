import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { problemResponse } from '../../functions/core/middleware/problem-errors.js';
import { getFile, parseObjectKey } from '../../functions/data/files.js';
import { completeUpload } from '../../functions/files/complete-upload.js';
import { contentDisposition, localPath, openLocalClaim, writeLocalFile } from '../../functions/files/storage.js';

/** Path prefix of the local upload/download URLs; like /api/dev/*, never routed in AWS (S3 plays this part there). */
export const LOCAL_FILES_PREFIX = '/api/dev/files/';

function reply(res: ServerResponse, status: number, detail: string): void {
  const r = problemResponse(status, detail);
  res.writeHead(r.statusCode, r.headers).end(r.body);
}

/**
 * Plays S3 for presigned URLs: PUT /api/dev/files/upload/<signed token> takes the bytes (authorised by the signed
 * URL alone; length, type and checksum fixed by it), GET /api/dev/files/download/<signed token> serves them as an
 * attachment. Files live under DATA_DIR/files/.
 */
export async function localFiles(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [kind, token, ...rest] = url.pathname.slice(LOCAL_FILES_PREFIX.length).split('/');
  const method = (req.method ?? 'GET').toUpperCase();
  if (!token || rest.length) return reply(res, 404, 'No such file URL.');

  if (kind === 'upload') {
    if (method !== 'PUT') return reply(res, 405, 'Upload with PUT.');
    const claim = openLocalClaim('upload', token);
    if (!claim) return reply(res, 403, 'The upload URL is invalid or has expired; declare the file again.');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (type !== claim.contentType) return reply(res, 403, `Content-Type must be ${claim.contentType}, as declared.`);
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) !== claim.size) {
      return reply(res, 400, `Content-Length is ${declared}; ${claim.size} bytes were declared.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > claim.size) return reply(res, 400, `More bytes than the ${claim.size} declared.`);
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    if (bytes.length !== claim.size) return reply(res, 400, `Received ${bytes.length} bytes; ${claim.size} were declared.`);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== claim.sha256) return reply(res, 400, `The SHA-256 of the bytes (${sha}) differs from the declared ${claim.sha256}.`);
    const ref = parseObjectKey(claim.objectKey);
    const record = ref && (await getFile(ref));
    if (!record || record.status !== 'pending') return reply(res, 409, 'This upload is no longer expected (done already, or removed).');
    await writeLocalFile(record.objectKey, bytes);
    const done = await completeUpload(record, bytes);
    if (!done.ok) return reply(res, done.status, done.detail);
    res.writeHead(200, { etag: `"${sha}"` }).end();
    return;
  }

  if (kind === 'download') {
    if (method !== 'GET' && method !== 'HEAD') return reply(res, 405, 'Download with GET.');
    const claim = openLocalClaim('download', token);
    if (!claim) return reply(res, 403, 'The download URL is invalid or has expired; follow the document link again.');
    let bytes: Buffer;
    try {
      bytes = await readFile(localPath(claim.objectKey));
    } catch {
      return reply(res, 404, 'The file is gone.');
    }
    res.writeHead(200, {
      'content-type': claim.contentType,
      'content-length': String(bytes.length),
      'content-disposition': contentDisposition(claim.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    res.end(method === 'HEAD' ? undefined : bytes);
    return;
  }
  return reply(res, 404, 'No such file URL.');
}
