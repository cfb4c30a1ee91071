import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../device/db.ts';
import type { TernDb } from '../device/db.ts';
import { availableForms, refreshPublishedForms, retiredForms } from './published-forms.ts';

let db: TernDb;
let n = 0;
beforeEach(() => {
  db = openDb(`published-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const followup = {
  id: 'followup',
  version: '3',
  title: { en: 'Follow-up' },
  defaultLanguage: 'en',
  children: [{ type: 'text', name: 'result', label: { en: 'Result' } }],
};

function server(routes: Record<string, unknown>) {
  const calls: string[] = [];
  const f = (async (url: string) => {
    calls.push(url);
    const body = routes[url];
    return new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404 });
  }) as unknown as typeof fetch;
  return { f, calls };
}

describe('published forms on the device', () => {
  it('fetches published forms once and offers them with the built-ins', async () => {
    const s = server({
      '/api/forms': {
        forms: [
          { key: 'screening@1', builtin: true },
          { key: 'followup@3', builtin: false },
        ],
      },
      '/api/forms/followup%403': followup,
    });
    expect(await refreshPublishedForms(db, s.f)).toEqual(['followup@3']);
    expect(await refreshPublishedForms(db, s.f)).toEqual([]);
    expect(s.calls.filter((c) => c.includes('followup'))).toHaveLength(1);
    const forms = await availableForms(db);
    expect(forms.get('followup@3')?.title.en).toBe('Follow-up');
    expect(forms.has('screening@1')).toBe(true);
  });

  it('refuses to keep a definition the engine cannot run', async () => {
    const s = server({
      '/api/forms': { forms: [{ key: 'bad@1', builtin: false }] },
      '/api/forms/bad%401': { id: 'bad', version: '1' },
    });
    await expect(refreshPublishedForms(db, s.f)).rejects.toThrow();
    expect((await availableForms(db)).has('bad@1')).toBe(false);
  });

  it('keeps a retired version readable but remembers it is retired, and forgets when the server does', async () => {
    const list = (retired: boolean) => ({
      '/api/forms': {
        forms: [
          { key: 'screening@1', builtin: true, retired },
          { key: 'followup@3', builtin: false, retired },
        ],
      },
      '/api/forms/followup%403': followup,
    });
    await refreshPublishedForms(db, server(list(true)).f);
    expect(await retiredForms(db)).toEqual(new Set(['screening@1', 'followup@3']));
    // Its records still open: the definition is on the device.
    expect((await availableForms(db)).get('followup@3')?.title.en).toBe('Follow-up');
    await refreshPublishedForms(db, server(list(false)).f);
    expect(await retiredForms(db)).toEqual(new Set());
  });
});
