import * as z from 'zod/mini';

/** ISO 8601 with an explicit zone (Z or ±hh:mm), as the API contract requires. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const pageQuery = {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
};

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  /** The values the message of `type` needs (shared/api/problems.ts names them per type). */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]))),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof problemSchema>;

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
export type Page<T> = { items: T[]; nextCursor: string | null };
