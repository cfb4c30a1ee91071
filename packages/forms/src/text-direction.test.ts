import { describe, expect, it } from 'vitest';
import { firstStrongDirection, textDirection } from './text-direction.ts';

describe('firstStrongDirection', () => {
  it('reads the first letter, as dir="auto" does, past digits, punctuation and spaces', () => {
    expect(firstStrongDirection('How was the person recruited?')).toBe('ltr');
    expect(firstStrongDirection('كيف تم تجنيد الشخص؟')).toBe('rtl');
    expect(firstStrongDirection('12. ¿Cómo?')).toBe('ltr');
    expect(firstStrongDirection('٣. ما هو عمرك')).toBe('rtl');
    expect(firstStrongDirection('  (Name) الاسم')).toBe('ltr');
    expect(firstStrongDirection('«שם» name')).toBe('rtl');
    expect(firstStrongDirection('Как вас зовут?')).toBe('ltr');
    expect(firstStrongDirection('نام شما چیست؟')).toBe('rtl');
  });

  it('is null for a text without letters, which a bare text would not place the way an isolate does', () => {
    expect(firstStrongDirection('')).toBeNull();
    expect(firstStrongDirection('12 – 17')).toBeNull();
    expect(firstStrongDirection('?')).toBeNull();
    expect(firstStrongDirection('٠١٢')).toBeNull();
  });

  it('agrees with textDirection for the built-in languages', () => {
    expect(firstStrongDirection('Oui')).toBe(textDirection('fr'));
    expect(firstStrongDirection('نعم')).toBe(textDirection('ar'));
  });
});
