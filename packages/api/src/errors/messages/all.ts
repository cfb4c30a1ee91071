import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Messages } from './messages.ts';
import { ru } from './ru.ts';

/** Every language's messages at once: for tests and tools (the UI loads them one at a time). */
export const MESSAGES = { en, fr, es, ar, ru } as const satisfies Record<string, Messages>;
