import { builtinForms, parseFormDefinition, readyToCompile } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import { ApiError, fetchJson } from '@tern/api';
import type { FormListResponse } from '@tern/api';
import type { TernDb } from '../device/db.ts';

/**
 * Forms published on the server (admins upload XLSForms) are fetched when online and kept on the
 * device, so interviewers fill them offline. A definition holds no personal data: it is kept in clear.
 * Published versions never change (a change is a new version), so a cached one is never refetched.
 */
const KEY = (formKey: string) => `form:${formKey}`;
/** The keys the server says are retired (decision 164), as a JSON array; replaced at every refresh. */
const RETIRED = 'formsRetired';

export async function refreshPublishedForms(db: TernDb, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  // Only `key` and `builtin` are read here, so the list is not checked against its full schema.
  const { forms } = await fetchJson<FormListResponse>('/api/forms', { fetch: fetchImpl });
  const added: string[] = [];
  // Retired versions are still fetched and kept: records made with them must stay readable here.
  await db.meta.put({
    key: RETIRED,
    value: JSON.stringify(forms.filter((f) => f.retired).map((f) => f.key)),
  });
  for (const f of forms) {
    if (f.builtin || (await db.meta.get(KEY(f.key)))) continue;
    let json: unknown;
    try {
      json = await fetchJson(`/api/forms/${encodeURIComponent(f.key)}`, { fetch: fetchImpl });
    } catch (e) {
      // A form the server refuses now (unpublished, forbidden) is skipped; a lost link stops the refresh.
      if (e instanceof ApiError && e.status >= 400) continue;
      throw e;
    }
    // Validate before keeping: a definition the engine cannot run must not reach the form page.
    // (Checking a regex() needs its engine, fetched only for forms that use it.)
    await readyToCompile(json);
    const def = parseFormDefinition(json);
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

/** The form versions an admin retired, as last heard from the server: not offered for new records. */
export async function retiredForms(db: TernDb): Promise<Set<string>> {
  const row = await db.meta.get(RETIRED);
  return new Set(row ? (JSON.parse(row.value) as string[]) : []);
}
