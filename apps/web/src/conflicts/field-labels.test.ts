import { describe, expect, it } from 'vitest';
import { answerText, fieldLabel } from './field-labels.ts';

describe('field labels for disputed paths', () => {
  it('names answers by their question label in the asked language', () => {
    expect(fieldLabel('quick-screening@1', 'answers.age', 'en')).toBe('Age (years)');
    expect(fieldLabel('quick-screening@1', 'answers.age', 'fr')).toBe('Âge (années)');
    expect(fieldLabel('quick-screening@1', 'answers.notes', 'ru')).toBe('Заметки');
    // A language the form lacks falls back to its default language.
    expect(fieldLabel('quick-screening@1', 'answers.notes', 'de')).toBe('Notes');
  });

  it('names a field inside a repeat instance by the repeat and the question', () => {
    expect(
      fieldLabel('assistance@1', 'answers.assistance_events[01J0000000000000000000000A].spl_Type', 'en'),
    ).toBe('Assistance given › Type of support');
  });

  it('keeps paths outside the answers, or of an unknown form, as they are', () => {
    expect(fieldLabel('quick-screening@1', 'form', 'en')).toBe('form');
    expect(fieldLabel('nope@1', 'answers.age', 'en')).toBe('age');
  });

  it('shows choice labels, not codes', () => {
    expect(answerText('quick-screening@1', 'answers.gender', 'woman', 'en')).toBe('Feminine'); // an old code reads as its HTCDS choice
    expect(answerText('quick-screening@1', 'answers.gender', 'Feminine', 'en')).toBe('Feminine');
    expect(answerText('quick-screening@1', 'answers.gender', 'woman', 'fr')).toBe('Féminin');
    expect(answerText('quick-screening@1', 'answers.exploitation', ['forced_labour', 'other'], 'en')).toBe(
      'Forced labour, Other',
    );
    expect(answerText('quick-screening@1', 'answers.age', 31, 'en')).toBe('31');
    expect(answerText('quick-screening@1', 'answers.age', undefined, 'en')).toBe('');
  });
});
