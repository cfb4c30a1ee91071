// fast-check arbitraries of this package's property tests (fixed seeds are given where they are used).
import { INDICATORS } from '@tern/demography';
import fc from 'fast-check';
import { valueKey } from './document/keys.ts';
import type { ProfileValue } from './document/schema.ts';

const chars = fc.constantFrom('a', 'Z', 'é', ',', ';', '"', '\n', ' ', '-', 'ك', '中', '1', '.');
export const text = fc
  .string({ unit: chars, minLength: 1, maxLength: 30 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const value = fc
  .record({
    def: fc.constantFrom(...INDICATORS),
    year: fc.integer({ min: 1950, max: 2026 }),
    source: text,
    cents: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    definition: fc.option(text, { nil: undefined }),
    reliability: text,
    note: fc.option(text, { nil: undefined }),
  })
  .map(({ def, year, source, cents, definition, reliability, note }): ProfileValue => ({
    _id: valueKey(def.id, year, source),
    indicator: def.id,
    year,
    value: (def.signed ? cents : Math.abs(cents)) / 100,
    unit: def.unit,
    source,
    definition: definition ?? def.definition,
    reliability,
    ...(note ? { note } : {}),
  }));
export const values = fc.uniqueArray(value, { selector: (v) => v._id, minLength: 1, maxLength: 25 });
