import { describe, expect, it } from 'vitest';
import { CORPUS, attachedFiles, toXlsx } from '../../test-corpus/index.ts';
import { validateResponse } from '../validate-response.ts';
import { importXlsForm } from './import-xlsform.ts';

describe('XLSForm compatibility corpus (issue 17)', () => {
  it.each(CORPUS.map((f) => [f.name, f] as const))(
    '%s imports with exactly its expected problems',
    (_, f) => {
      const r = importXlsForm(toXlsx(f), { files: attachedFiles(f) });
      const got = r.problems.map((p) => `${p.severity} ${p.sheet}!${p.row} ${p.column ?? ''}`.trim());
      expect(got, JSON.stringify(r.problems, null, 1)).toEqual(f.problems);
      expect(r.form === null).toBe(f.filled === null);
    },
  );

  it.each(CORPUS.filter((f) => f.filled).map((f) => [f.name, f] as const))(
    '%s: a filled record validates on the device',
    (_, f) => {
      const form = importXlsForm(toXlsx(f), { files: attachedFiles(f) }).form!;
      expect(validateResponse(form, f.filled!, { today: '2026-11-30' })).toEqual([]);
    },
  );
});
