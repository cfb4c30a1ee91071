import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@tern/api';
import { LANGUAGES, i18next, loadLazyNamespaces, resources } from '../i18n/i18n.ts';
import { dimLabel, valueLabel } from './labels.ts';
import { plainResearchError } from './research-errors.ts';

beforeAll(loadLazyNamespaces);
const tIn = (lang: string) => i18next.getFixedT(lang, 'research');

describe('research labels', () => {
  it('are loaded with the dashboard, not with the app', async () => {
    expect(Object.keys(resources.en!)).toContain('research');
    expect(resources.en!.common).toBeDefined();
  });

  it('name dimensions and exploitation types in every UI language, never as a code', () => {
    const seen = new Set<string>();
    for (const { code } of LANGUAGES) {
      const word = valueLabel(tIn(code), code, 'exploitation', 'ForcedLabour');
      expect(word).not.toBe('ForcedLabour');
      seen.add(word);
      expect(dimLabel(tIn(code), 'citizenship')).not.toBe('citizenship');
    }
    expect(seen.size).toBe(LANGUAGES.length);
  });

  it('name countries in the UI language through the browser', () => {
    expect(valueLabel(tIn('en'), 'en', 'citizenship', 'UA')).toBe('Ukraine');
    expect(valueLabel(tIn('fr'), 'fr', 'exploitationCountry', 'DE')).toBe('Allemagne');
    expect(valueLabel(tIn('ar'), 'ar', 'citizenship', 'UA')).not.toMatch(/[A-Za-z]/);
  });

  it("fall back to the form's label, then to the code itself, for codes research.json lacks", () => {
    expect(valueLabel(tIn('en'), 'en', 'labourSector', 'A_AgricultureForestryAndFishing')).toBe(
      'Agriculture, forestry and fishing',
    );
    expect(valueLabel(tIn('en'), 'en', 'exploitation', 'NewerServerCode')).toBe('NewerServerCode');
    expect(valueLabel(tIn('en'), 'en', 'citizenship', 'not-a-country')).toBe('not-a-country');
  });

  it('spell age bands and unknown for readers', () => {
    expect(valueLabel(tIn('en'), 'en', 'ageBand', '18--20')).toBe('18–20');
    expect(valueLabel(tIn('fr'), 'fr', 'gender', 'unknown')).toBe('Inconnu');
  });

  it("say a refusal in this screen's words", () => {
    const t = tIn('en');
    expect(plainResearchError(new ApiError(403, 'TERN_AUTH_FORBIDDEN', 'no'), t)).toBe(t('error.forbidden'));
    expect(plainResearchError(new ApiError(404, 'HTTP_404', 'no'), t)).toBe(t('error.notYet'));
  });
});
