// The files a call or a proposal may carry: types and limits. Zod-free, so the web's call page can read
// them without loading zod; the upload schemas in schemas/openphase.ts use them.

/** Allowed types (PDF/A is application/pdf). */
export const FILE_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/zip': 'ZIP',
} as const;
export type FileType = keyof typeof FILE_TYPES;
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_FILES = 20;
