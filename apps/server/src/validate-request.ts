import type { z } from 'zod';
import { TernError } from './errors.ts';

/** Parse a body, query or params with zod; the 400 names the first bad path (never its value). */
export function parseRequest<T extends z.ZodType>(shape: T, value: unknown, what: string): z.infer<T> {
  const parsed = shape.safeParse(value ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new TernError('TERN_BAD_REQUEST', `${what}: ${i.path.join('.') || 'body'}: ${i.message}`);
  }
  return parsed.data;
}
