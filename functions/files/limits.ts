import { FILE_TYPES, MAX_FILE_BYTES, MAX_FILES, type FileType, type UploadDeclaration } from '../../shared/schemas/openphase.js';
import { earliestDeadlineAfterCorrection } from '../../shared/domain/open-phase.js';
import { badRequest, problem } from '../core/errors.js';
import type { CallRecord } from '../data/calls.js';

const MIB = 1024 * 1024;

/** Type and size of a declared file: 400 (type) or 413 (size), each naming the limit. */
export function checkDeclaration(d: UploadDeclaration): FileType {
  if (!(d.contentType in FILE_TYPES)) {
    throw badRequest(`Files of type ${d.contentType} are not accepted; allowed: ${Object.values(FILE_TYPES).join(', ')} (PDF/A as application/pdf).`, [
      { path: 'contentType', message: 'Type not allowed' },
    ]);
  }
  if (d.size > MAX_FILE_BYTES) {
    throw problem(413, `The file is ${d.size} bytes; the limit is ${MAX_FILE_BYTES / MIB} MiB (${MAX_FILE_BYTES} bytes) a file.`, {
      errors: [{ path: 'size', message: `At most ${MAX_FILE_BYTES} bytes` }],
    });
  }
  return d.contentType as FileType;
}

export function checkCount(count: number, what: string): void {
  if (count >= MAX_FILES)
    throw badRequest(`A ${what} holds at most ${MAX_FILES} files; remove one first.`, [{ path: 'fileName', message: `At most ${MAX_FILES} files` }]);
}

export const PROBLEM_DEADLINE_TOO_CLOSE = 'urn:innovasjonstorget:problem:deadline-too-close';

/**
 * A correction to anything but the deadline less than six days before the deadline must first move the deadline
 * so that six days remain (409 …:deadline-too-close, naming the earliest allowed deadline).
 */
export function assertRoomForCorrection(call: CallRecord, at: Date): void {
  const earliest = earliestDeadlineAfterCorrection(at);
  if (Date.parse(call.deadline) < earliest.getTime()) {
    const err = problem(
      409,
      `A correction less than six days before the deadline must move the deadline; the earliest allowed deadline is ${earliest.toISOString()}. Move the deadline first.`,
      { title: 'Deadline too close', type: 'deadline-too-close', params: { earliest: earliest.toISOString() } },
    );
    throw err;
  }
}
