import { describe, expect, it } from 'vitest';
import { formLanguageOptions } from './form-languages.ts';

const UI = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
];
const form = (languages: string[]) => ({
  id: 'f',
  version: '1',
  title: { [languages[0]!]: 'F' },
  defaultLanguage: languages[0]!,
  languages,
  children: [{ type: 'text' as const, name: 'a', label: {} }],
});

describe('form language picker', () => {
  it("offers the form's own languages first, named, then the UI languages it lacks", () => {
    expect(formLanguageOptions(form(['default', 'ti', 'Klingon', 'en']), UI, 'en')).toEqual([
      { code: 'default', name: null },
      { code: 'ti', name: 'Tigrinya' },
      { code: 'Klingon', name: 'Klingon' },
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'Français' },
    ]);
  });
});
