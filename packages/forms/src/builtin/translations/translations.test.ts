import { describe, expect, it } from 'vitest';
import { builtinForms } from '../index.ts';
import { MORE_LANGUAGES } from './apply.ts';

const LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru'];

/** Every LocalizedText in a form (title, labels, hints, messages, choices), with where it is. */
function textsOf(v: unknown, where: string, out: [string, Record<string, string>][] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => textsOf(x, `${where}[${i}]`, out));
  else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.en === 'string') out.push([where, o as Record<string, string>]);
    else for (const [k, x] of Object.entries(o)) textsOf(x, `${where}.${k}`, out);
  }
  return out;
}

describe('the built-in forms in the five UI languages (issue 16)', () => {
  it('every title, label, hint, message and choice has a non-empty text in en, fr, es, ar and ru', () => {
    const missing: string[] = [];
    let count = 0;
    for (const [key, form] of builtinForms)
      for (const [where, text] of textsOf(form, key)) {
        count++;
        for (const lang of LANGUAGES)
          if (!text[lang]?.trim()) missing.push(`${where} has no ${lang}: "${text.en}"`);
      }
    expect(count).toBeGreaterThan(250); // the walk reached the choices and nested questions
    expect(missing).toEqual([]);
  });

  it('Arabic and Russian texts are written in their script (brand names aside), not copied English', () => {
    const latinOnly = /^[\p{Script=Latin}\d\s.,;:()'’/–-]+$/u;
    const brands = new Set([
      'Facebook',
      'Facebook Messenger',
      'Instagram',
      'Line',
      'QQ',
      'Qzone',
      'Snapchat',
      'Telegram',
      'TikTok',
      'Twitter',
      'Viber',
      'WeChat',
      'WhatsApp',
      '4Sale',
    ]);
    for (const lang of ['ar', 'ru'] as const)
      for (const [en, text] of Object.entries(MORE_LANGUAGES[lang]!))
        if (!brands.has(en)) expect(latinOnly.test(text), `${lang}: "${en}" → "${text}"`).toBe(false);
  });

  it('the dictionaries hold no text that no form uses (a changed English text would leave one behind)', () => {
    const used = new Set<string>();
    for (const [key, form] of builtinForms) for (const [, text] of textsOf(form, key)) used.add(text.en!);
    for (const [lang, dict] of Object.entries(MORE_LANGUAGES))
      expect(
        Object.keys(dict).filter((en) => !used.has(en)),
        lang,
      ).toEqual([]);
  });

  it('the question mark of an Arabic question is the Arabic one, at the end of the text', () => {
    const ar = builtinForms.get('screening@1')!;
    const questions = textsOf(ar, 'screening').filter(([, t]) => t.en!.endsWith('?'));
    expect(questions.length).toBeGreaterThan(3);
    for (const [where, t] of questions) expect(t.ar, where).toMatch(/؟$/u);
  });
});

describe('a language added later (the browser fetches each with its chunk: decision 190)', () => {
  it('fills every text of the forms in place, keeps texts written inline, and is idempotent', async () => {
    const { addLanguageTo } = await import('./apply.ts');
    const form = structuredClone(builtinForms.get('quick-screening@1')!);
    const texts = textsOf(form, 'qs');
    const first = texts[0]![1];
    const dict = Object.fromEntries(texts.map(([, t]) => [t.en!, `XX ${t.en}`]));
    // One text already has the language written inline: it wins over the dictionary.
    first.xx = 'inline';
    addLanguageTo([form], 'xx', dict);
    for (const [where, text] of textsOf(form, 'qs'))
      expect(text.xx, where).toBe(text === first ? 'inline' : `XX ${text.en}`);
    const once = JSON.stringify(form);
    addLanguageTo([form], 'xx', dict);
    expect(JSON.stringify(form)).toBe(once);
    // A text the dictionary does not know stays without the language (it falls back to English).
    const other = structuredClone(builtinForms.get('screening@1')!);
    addLanguageTo([other], 'yy', {});
    expect(JSON.stringify(other)).not.toContain('"yy"');
  });
});
