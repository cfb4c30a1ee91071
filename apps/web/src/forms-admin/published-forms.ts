import { builtinForms, parseFormDefinition } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import type { TernDb } from '../device/db.ts';

/**
 * Forms published on the server (admins upload XLSForms) are fetched when online and kept on the
 * device, so interviewers fill them offline. A definition holds no personal data: it is kept in clear.
 * Published versions never change (a change is a new version), so a cached one is never refetched.
 */
const KEY = (formKey: string) => `form:${formKey}`;

export async function refreshPublishedForms(db: TernDb, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const res = await fetchImpl('/api/forms', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`Could not list the published forms (${res.status})`);
  const { forms } = (await res.json()) as { forms: Array<{ key: string; builtin: boolean }> };
  const added: string[] = [];
  for (const f of forms) {
    if (f.builtin || (await db.meta.get(KEY(f.key)))) continue;
    const one = await fetchImpl(`/api/forms/${encodeURIComponent(f.key)}`, { credentials: 'same-origin' });
    if (!one.ok) continue;
    // Validate before keeping: a definition the engine cannot run must not reach the form page.
    const def = parseFormDefinition(await one.json());
    await db.meta.put({ key: KEY(f.key), value: JSON.stringify(def) });
    added.push(f.key);
  }
  return added;
}

/** Every form this device can fill: the built-ins and the published ones it has fetched. */
export async function availableForms(db: TernDb): Promise<Map<string, FormDefinition>> {
  const out = new Map(builtinForms);
  const rows = await db.meta.where('key').startsWith('form:').toArray();
  for (const r of rows) {
    const def = JSON.parse(r.value) as FormDefinition;
    out.set(`${def.id}@${def.version}`, def);
  }
  return out;
}
