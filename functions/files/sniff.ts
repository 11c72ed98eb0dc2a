import type { FileType } from '../../shared/schemas/openphase.js';

const startsWith = (buf: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);
const isZip = (buf: Buffer) => startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]);
const has = (buf: Buffer, s: string) => buf.includes(Buffer.from(s, 'latin1'));

/**
 * Does the content agree with the declared type? Magic bytes by hand for the few types allowed (file-type 22 needs
 * Node 22): PDF (PDF/A too), PNG, JPEG; ZIP containers, and inside them the OOXML part folders (word/, xl/,
 * ppt/ with [Content_Types].xml) or the OpenDocument `mimetype` entry, which the format stores first and uncompressed.
 */
export function contentMatches(buf: Buffer, type: FileType): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case 'image/png':
      return startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(buf, [0xff, 0xd8, 0xff]);
    case 'application/zip':
      return isZip(buf);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return isZip(buf) && has(buf, '[Content_Types].xml') && has(buf, 'word/');
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return isZip(buf) && has(buf, '[Content_Types].xml') && has(buf, 'xl/');
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      return isZip(buf) && has(buf, '[Content_Types].xml') && has(buf, 'ppt/');
    case 'application/vnd.oasis.opendocument.text':
      return isZip(buf) && buf.subarray(30, 30 + 47).toString('latin1') === 'mimetypeapplication/vnd.oasis.opendocument.text';
    case 'application/vnd.oasis.opendocument.spreadsheet':
      return isZip(buf) && buf.subarray(30, 30 + 54).toString('latin1') === 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet';
    default:
      return false;
  }
}
