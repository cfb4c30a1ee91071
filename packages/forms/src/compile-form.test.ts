import { describe, expect, it } from 'vitest';
import { builtinForms, quickScreening } from './builtin/index.ts';
import { checkForm, compileForm } from './compile-form.ts';
import type { FormDefinition, FormNode } from './definition.ts';
import { FormDefinitionError } from './form-problems.ts';
import { parseFormDefinition } from './parse-form-definition.ts';
import { tripForm } from './test-forms.ts';

const form = (...children: FormNode[]): FormDefinition => ({
  id: 'f',
  version: '1',
  title: { en: 'F' },
  defaultLanguage: 'en',
  children,
});
const text = (name: string, extra: object = {}): FormNode => ({
  type: 'text',
  name,
  label: { en: name },
  ...extra,
});

describe('definition-time checks', () => {
  it('accepts the test form and every built-in form', () => {
    expect(checkForm(tripForm)).toEqual([]);
    for (const f of builtinForms.values()) expect(checkForm(f), f.id).toEqual([]);
    expect(builtinForms.get('quick-screening@1')).toBe(quickScreening);
  });

  it('names every unknown reference with the form path, property and position', () => {
    const f = form(
      {
        type: 'group',
        name: 'g',
        label: { en: 'G' },
        children: [text('a', { relevant: '${b} = 1 and ${zz} > ${yy}' })],
      },
      text('b'),
    );
    expect(checkForm(f)).toEqual([
      { path: 'g/a', property: 'relevant', message: 'Unknown reference ${zz}', position: 13 },
      { path: 'g/a', property: 'relevant', message: 'Unknown reference ${yy}', position: 21 },
    ]);
  });

  it('reports syntax errors with their position', () => {
    expect(checkForm(form(text('a', { constraint: '. > (1 +' })))).toEqual([
      { path: 'a', property: 'constraint', message: 'Unexpected end of expression', position: 8 },
    ]);
  });

  it('allows . only in constraints and position(..) only in repeats', () => {
    expect(checkForm(form(text('a', { relevant: ". = 'x'" })))[0]?.message).toContain(
      "'.' (the current answer) is only allowed in a constraint",
    );
    expect(checkForm(form(text('a', { calculate: 'position(..)' })))[0]?.message).toContain(
      'only meaningful inside a repeat',
    );
  });

  it('finds duplicate names, bad choice lists and cycles', () => {
    const f: FormDefinition = {
      ...form(
        text('a', { relevant: "${b} = 'x'" }),
        text('b', { calculate: 'concat(${a}, 1)' }),
        { type: 'group', name: 'a', label: { en: 'dup' }, children: [text('c')] },
        { type: 'select_one', name: 's', label: { en: 's' }, choiceList: 'missing' },
        { type: 'select_one', name: 't', label: { en: 't' } },
        {
          type: 'select_multiple',
          name: 'u',
          label: { en: 'u' },
          choices: [
            { value: 'x', label: { en: 'x' } },
            { value: 'x', label: { en: 'y' } },
          ],
        },
      ),
    };
    const messages = checkForm(f).map((p) => `${p.path} ${p.property}: ${p.message}`);
    expect(messages).toEqual([
      'a name: Duplicate name a (also at a); names are unique in a form',
      's choiceList: No choice list named missing',
      't choices: Give exactly one of choices or choiceList',
      'u choices: Duplicate choice value x',
      'a relevant/calculate: Circular reference: ${a} → ${b} → ${a}',
    ]);
  });

  it('checks defaults against the question type and choices', () => {
    expect(checkForm(form({ type: 'integer', name: 'n', label: { en: 'n' }, default: 'x' }))).toEqual([
      { path: 'n', property: 'default', message: 'Expected a number' },
    ]);
    expect(
      checkForm(
        form({
          type: 'select_one',
          name: 's',
          label: { en: 's' },
          choices: [{ value: 'a', label: { en: 'A' } }],
          default: 'b',
        }),
      )[0]?.message,
    ).toBe('"b" is not one of the choices');
    expect(checkForm(form({ type: 'integer', name: 'n', label: { en: 'n' }, default: 3 }))).toEqual([]);
  });

  it('refuses names that would collide with Object.prototype members', () => {
    expect(
      checkForm(
        form(text('constructor'), {
          type: 'select_one',
          name: 's',
          label: { en: 's' },
          choiceList: 'toString',
        }),
      ).map((p) => p.message),
    ).toEqual(['constructor is a reserved name', 'No choice list named toString']);
  });

  it('refuses to reference a group', () => {
    expect(
      checkForm(
        form(
          { type: 'group', name: 'g', label: { en: 'G' }, children: [text('a')] },
          text('b', { relevant: "${g} = ''" }),
        ),
      )[0]?.message,
    ).toBe('${g} is a group and has no value');
  });

  it('compileForm throws FormDefinitionError listing the problems, and caches per definition', () => {
    expect(() => compileForm(form(text('a', { relevant: '${nope}' })))).toThrow(FormDefinitionError);
    expect(() => compileForm(form(text('a', { relevant: '${nope}' })))).toThrow(
      /a relevant at character 1: Unknown reference \$\{nope\}/,
    );
    expect(compileForm(tripForm)).toBe(compileForm(tripForm));
  });

  it('parseFormDefinition turns zod issues into problems with paths', () => {
    try {
      parseFormDefinition({
        ...form(text('a')),
        children: [{ type: 'text', name: '1bad', label: { en: 'x' } }],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormDefinitionError);
      expect((e as FormDefinitionError).problems.length).toBeGreaterThan(0);
    }
    expect(() => parseFormDefinition(form(text('a', { relevant: '${b}' })))).toThrow(/Unknown reference/);
    expect(parseFormDefinition(JSON.parse(JSON.stringify(tripForm)))).toEqual(tripForm);
  });
});
