import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { contentMatches } from '../../../../functions/files/sniff.js';
import { contentDisposition, s3FileStore } from '../../../../functions/files/storage.js';
import { mismatch } from '../../../../functions/files/complete-upload.js';
import { parseObjectKey, objectKeyOf } from '../../../../functions/data/files.js';
import { questionDeadlineOf } from '../../../../shared/domain/open-phase.js';
import { createHash } from 'node:crypto';

const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n, 'latin1'))]);
const odf = (kind: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(`mimetypeapplication/vnd.oasis.opendocument.${kind}`, 'latin1')]);

describe('content sniffing', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  it.each([
    ['application/pdf', Buffer.from('%PDF-1.7 ...'), true],
    ['application/pdf', Buffer.from('MZ\x90\x00'), false],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), true],
    ['image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), false],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), true],
    ['application/zip', zipWith('a.txt'), true],
    [DOCX, zipWith('[Content_Types].xml', 'word/document.xml'), true],
    [DOCX, zipWith('[Content_Types].xml', 'xl/workbook.xml'), false],
    [XLSX, zipWith('[Content_Types].xml', 'xl/workbook.xml'), true],
    [PPTX, zipWith('[Content_Types].xml', 'ppt/presentation.xml'), true],
    [DOCX, zipWith('word/document.xml'), false],
    ['application/vnd.oasis.opendocument.text', odf('text'), true],
    ['application/vnd.oasis.opendocument.text', odf('spreadsheet'), false],
    ['application/vnd.oasis.opendocument.spreadsheet', odf('spreadsheet'), true],
  ] as const)('%s: %#', (type, bytes, ok) => {
    expect(contentMatches(bytes, type)).toBe(ok);
  });

  it('tells size, checksum and content mismatches apart', () => {
    const bytes = Buffer.from('%PDF-1.7 hello');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const rec = { size: bytes.length, sha256, contentType: 'application/pdf' };
    expect(mismatch(rec, bytes)).toBeUndefined();
    expect(mismatch({ ...rec, size: 3 }, bytes)?.detail).toMatch(/bytes/);
    expect(mismatch({ ...rec, sha256: '0'.repeat(64) }, bytes)?.detail).toMatch(/SHA-256/);
    expect(mismatch({ ...rec, contentType: 'image/png' }, bytes)?.status).toBe(415);
  });
});

describe('object keys', () => {
  it('round-trip and refuse anything else', () => {
    const doc = { callId: '01J0000000000000000000000A', kind: 'document' as const, id: '01J0000000000000000000000B' };
    expect(parseObjectKey(objectKeyOf(doc))).toEqual(doc);
    const att = { callId: doc.callId, kind: 'attachment' as const, orgNumber: '912345602', id: doc.id };
    expect(parseObjectKey(objectKeyOf(att))).toEqual(att);
    expect(parseObjectKey('calls/../secret')).toBeUndefined();
    expect(parseObjectKey(`calls/${doc.callId}/documents/${doc.id}/x`)).toBeUndefined();
  });
});

describe('S3 presigned upload', () => {
  it('signs length, type and checksum into the PUT URL', async () => {
    const client = new S3Client({
      region: 'eu-north-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const sha256 = 'a'.repeat(64);
    const { url, headers } = await s3FileStore('uploads-bucket', client).uploadTarget(
      { objectKey: 'calls/X/documents/Y', contentType: 'application/pdf', size: 1234, sha256 },
      '',
    );
    const signed = new URL(url).searchParams.get('X-Amz-SignedHeaders')!.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-length', 'content-type', 'x-amz-checksum-sha256', 'host']));
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('900');
    expect(headers).toEqual({ 'content-type': 'application/pdf', 'x-amz-checksum-sha256': Buffer.from(sha256, 'hex').toString('base64') });
    const download = await s3FileStore('uploads-bucket', client).downloadUrl('calls/X/documents/Y', 'Kravspek æøå.pdf', 'application/pdf', '');
    expect(new URL(download).searchParams.get('response-content-disposition')).toBe(contentDisposition('Kravspek æøå.pdf'));
  });

  it('puts a safe ASCII name and the UTF-8 name in Content-Disposition', () => {
    expect(contentDisposition('Tilbud "endelig" æ.pdf')).toBe(
      `attachment; filename="Tilbud _endelig_ _.pdf"; filename*=UTF-8''Tilbud%20%22endelig%22%20%C3%A6.pdf`,
    );
  });
});

describe('question deadline', () => {
  it('defaults to six days before the deadline, not before publication, and keeps one the call sets', () => {
    expect(questionDeadlineOf({ deadline: '2027-03-20T12:00:00.000Z' })).toBe('2027-03-14T12:00:00.000Z');
    expect(questionDeadlineOf({ deadline: '2027-03-20T12:00:00.000Z', publishedAt: '2027-03-17T09:00:00.000Z' })).toBe('2027-03-17T09:00:00.000Z');
    expect(questionDeadlineOf({ deadline: '2027-03-20T12:00:00.000Z', questionDeadline: '2027-03-18T12:00:00+01:00' })).toBe('2027-03-18T11:00:00.000Z');
  });
});
