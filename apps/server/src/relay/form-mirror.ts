import type { ServerStore } from '@tern/store';
import type { Upstream } from './upstream.ts';

interface FormEntry {
  key: string;
  builtin: boolean;
  retired: boolean;
  retiredAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
}

/**
 * The relay checks submissions against the forms headquarters published (decision 196): a form version
 * never changes once published, so each one is copied once; a retirement is copied as headquarters
 * records it. The relay's form registry reads its store again within a second (decision 173).
 */
export async function mirrorForms(store: ServerStore, up: Upstream): Promise<number> {
  const { forms } = await up.json<{ forms: FormEntry[] }>('GET', '/api/forms');
  const db = store.forms();
  let copied = 0;
  for (const f of forms.filter((x) => !x.builtin)) {
    if (!(await db.get(`form:${f.key}`))) {
      const definition = await up.json<Record<string, unknown>>(
        'GET',
        `/api/forms/${encodeURIComponent(f.key)}`,
      );
      await db.create({
        _id: `form:${f.key}`,
        type: 'form',
        definition,
        publishedBy: f.publishedBy ?? 'headquarters',
        publishedAt: f.publishedAt ?? new Date().toISOString(),
      });
      copied += 1;
    }
    if (f.retired && !(await db.get(`form-retired:${f.key}`))) {
      await db.create({
        _id: `form-retired:${f.key}`,
        type: 'form-retired',
        key: f.key,
        retiredBy: 'headquarters',
        retiredAt: f.retiredAt ?? new Date().toISOString(),
      });
      copied += 1;
    }
  }
  return copied;
}
