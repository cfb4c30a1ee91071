import { builtinForms } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import type { TernDb } from '../device/db.ts';
import { availableForms, refreshPublishedForms } from './published-forms.ts';

/**
 * Every form this device can fill, by `id@version`: the built-ins, plus the published forms it has
 * fetched (kept in IndexedDB for offline use). One Map, filled in place, so every screen reads the
 * same set without waiting.
 */
export const deviceForms: Map<string, FormDefinition> = new Map(builtinForms);

/** Load the kept published forms; when online, fetch new ones first. Failures leave what is there. */
export async function loadDeviceForms(db: TernDb, online: boolean): Promise<void> {
  if (online) await refreshPublishedForms(db).catch(() => undefined);
  for (const [key, def] of await availableForms(db)) deviceForms.set(key, def);
}
