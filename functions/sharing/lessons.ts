import { createHash } from 'node:crypto';
import type * as z from 'zod/mini';
import type { Lesson, lessonsQuerySchema } from '../../shared/schemas/sharing.js';
import type { Page } from '../../shared/schemas/common.js';
import { badRequest } from '../core/errors.js';
import { decodeCursor, encodeCursor } from '../data/cursor.js';
import type { Key } from '../data/paging.js';
import { queryLessons, type LessonFilters } from '../data/sharing.js';
import { lessonView } from './views.js';

export type LessonsQuery = z.infer<typeof lessonsQuerySchema>;
interface LessonsCursor {
  s: 'lessons';
  key: Key;
  f: string;
}

const words = (q?: string) => (q ? [...new Set(q.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean))].slice(0, 8) : undefined);

/** The filters a cursor was issued for: a cursor replayed with other filters is refused, not misread. */
const fingerprint = (f: LessonFilters) => createHash('sha256').update(JSON.stringify(f)).digest('base64url').slice(0, 16);

/** The public lessons registry: published outcomes, newest first, with the call each came from. */
export async function listLessons(query: LessonsQuery): Promise<Page<Lesson>> {
  const limit = query.limit ?? 20;
  const filters: LessonFilters = {
    domain: query.domain,
    cpv: query.cpv,
    municipality: query.municipality,
    procedure: query.procedure,
    words: words(query.q),
  };
  const f = fingerprint(filters);
  const state = query.cursor ? decodeCursor<LessonsCursor>(query.cursor, 'lessons') : undefined;
  if (state && state.f !== f) {
    throw badRequest('The cursor was issued for other filters. Start again without it.', [{ path: 'cursor', message: 'Invalid or tampered cursor' }]);
  }
  const page = await queryLessons(filters, limit, state?.key);
  return {
    items: page.items.map(lessonView),
    nextCursor: page.lastKey ? encodeCursor({ s: 'lessons', key: page.lastKey, f } satisfies LessonsCursor) : null,
  };
}
