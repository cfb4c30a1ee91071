import type { CatalogueKey } from '../catalogue.ts';

/**
 * One language's plain-words message for every catalogue entry. The type makes a missing code a
 * compile error; a test also checks that none is empty or left in English. `{status}` is replaced
 * by the HTTP status in the `HTTP_<status>` family's message.
 */
export type Messages = Readonly<Record<CatalogueKey, string>>;
