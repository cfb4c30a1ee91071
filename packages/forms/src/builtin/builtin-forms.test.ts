import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Choice, FormDefinition, FormNode, LocalizedText } from '../definition.ts';
import { evaluateForm } from '../evaluate-form.ts';
import { validateResponse } from '../validate-response.ts';
import { CASE_FORM_TITLES, builtinForms, loadCaseForms, quickScreening } from './index.ts';
import { assistance, screening } from './case-forms.ts';

const today = '2024-06-01';

function texts(form: FormDefinition): Array<[string, LocalizedText]> {
  const out: Array<[string, LocalizedText]> = [['title', form.title]];
  const choice = (where: string, cs: Choice[]): void =>
    cs.forEach((c) => out.push([`${where}:${c.value}`, c.label]));
  for (const [name, list] of Object.entries(form.choiceLists ?? {})) choice(`list ${name}`, list);
  const walk = (nodes: FormNode[]): void => {
    for (const n of nodes) {
      if (n.label) out.push([n.name, n.label]);
      if ('hint' in n && n.hint) out.push([`${n.name} hint`, n.hint]);
      if ('constraintMessage' in n && n.constraintMessage)
        out.push([`${n.name} constraintMessage`, n.constraintMessage]);
      if ('choices' in n && n.choices) choice(n.name, n.choices);
      if (n.type === 'group' || n.type === 'repeat') walk(n.children);
    }
  };
  walk(form.children);
  return out;
}

describe('built-in forms', () => {
  it('are registered by id@version', () => {
    expect([...builtinForms.keys()]).toEqual(['quick-screening@1', 'screening@1', 'assistance@1']);
  });

  it('are the case forms exported apart, the same objects (Node has them from the start)', async () => {
    expect(builtinForms.get('screening@1')).toBe(screening);
    expect(builtinForms.get('assistance@1')).toBe(assistance);
    await loadCaseForms(); // idempotent: nothing added twice, the order kept
    expect([...builtinForms.keys()]).toEqual(['quick-screening@1', 'screening@1', 'assistance@1']);
  });

  it("name the case forms before they are loaded with the forms' own titles, in all five languages", () => {
    expect(Object.keys(CASE_FORM_TITLES)).toEqual(['screening@1', 'assistance@1']);
    for (const [key, title] of Object.entries(CASE_FORM_TITLES)) {
      const form = builtinForms.get(key)!;
      for (const lang of ['en', 'fr', 'ar', 'es', 'ru'])
        expect([key, lang, title[lang]]).toEqual([key, lang, form.title[lang]]);
    }
  });

  it.each([screening, assistance, quickScreening])('$id has English and French for every text', (form) => {
    const missing = texts(form).filter(([, l]) => !l.en?.trim() || !l.fr?.trim());
    expect(missing.map(([w]) => w)).toEqual([]);
  });

  it('screening carries Arabic and Spanish in its first group', () => {
    const first = screening.children[0]!;
    expect(first.type).toBe('group');
    const group = {
      ...screening,
      children: [first],
      choiceLists: { yes_no: screening.choiceLists!.yes_no! },
    };
    const missing = texts(group).filter(([, l]) => !l.ar || !l.es);
    expect(missing.map(([w]) => w)).toEqual([]);
  });

  it('keeps quick-screening question names the web app renders', () => {
    const names = JSON.stringify(quickScreening);
    for (const n of ['full_name', 'interview_date', 'age', 'gender', 'exploitation', 'notes'])
      expect(names).toContain(`"name":"${n}"`);
  });
});

/**
 * The vendored HTCDS v2.0 field list (./htcds, CC BY 4.0, IOM): field → picklist value names. A file
 * that parses to nothing must fail the check, never pass it vacuously.
 */
function htcdsFields(): Map<string, string[]> {
  const [header, ...lines] = readFileSync(new URL('./htcds/htcds-fields-2.0.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n');
  expect(header).toBe('field,type,values');
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const cells = line.split(',');
    expect(cells, line).toHaveLength(3);
    fields.set(cells[0]!, cells[2] ? cells[2].split(' ') : []);
  }
  return fields;
}

/** Every question of a form (inside groups and repeats too) with its choices, however they are given. */
function questionsOf(form: FormDefinition): Array<{ name: string; choices: Choice[] }> {
  const out: Array<{ name: string; choices: Choice[] }> = [];
  const walk = (nodes: FormNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'group' || n.type === 'repeat') walk(n.children);
      else {
        const listed = 'choiceList' in n && n.choiceList ? form.choiceLists?.[n.choiceList] : undefined;
        out.push({ name: n.name, choices: ('choices' in n ? n.choices : undefined) ?? listed ?? [] });
      }
    }
  };
  walk(form.children);
  return out;
}

describe('built-in forms follow HTCDS v2.0', () => {
  const standard = htcdsFields();
  const HTCDS_NAME = /^(con|prs|vic|per|cas|cco|hte|spl|org)_[A-Za-z]+$/;
  // Tern's own fields in HTCDS style (listed in assistance.ts's comment): the standard has no such field.
  const extensions = new Set([
    'spl_StartDate',
    'hte_TypeOfExploitation',
    'hte_ForcedLabourIndustry',
    'hte_DurationDays',
  ]);

  it('the vendored field list is not empty', () => {
    expect(standard.size).toBeGreaterThan(50);
    expect(standard.get('vic_TraffickingStatus')).toEqual([
      'PossibleVictimOfTrafficking',
      'ActualVictimOfTrafficking',
      'NotAVictimOfTrafficking',
    ]);
  });

  it.each([screening, assistance])('$id uses HTCDS field names and picklist values', (form) => {
    const named = questionsOf(form).filter((q) => HTCDS_NAME.test(q.name) && !extensions.has(q.name));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((q) => !standard.has(q.name)).map((q) => q.name)).toEqual([]);
    const offStandard = named.flatMap((q) => {
      const values = standard.get(q.name) ?? [];
      return values.length === 0
        ? []
        : q.choices.filter((c) => !values.includes(c.value)).map((c) => `${q.name}:${c.value}`);
    });
    expect(offStandard).toEqual([]);
  });

  it('extensions are not fields of the standard (else they should use its name and values)', () => {
    expect([...extensions].filter((name) => standard.has(name))).toEqual([]);
  });
});

describe('screening branching and constraints', () => {
  const base = {
    interview_date: '2024-05-30',
    con_Consent: 'yes',
    vic_AgreementToManagePersonalData: 'yes',
    prs_Gender: 'Feminine',
    vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
    eligible_for_assistance: 'yes',
  };
  const issues = (a: Record<string, unknown>) =>
    validateResponse(screening, { ...base, ...a }, { today }).map((i) => `${i.field}:${i.code}`);

  it('a minimal consented screening with an age is valid', () => {
    expect(issues({ age_stated: 25 })).toEqual([]);
  });
  it('no consent ends the interview: later questions are irrelevant', () => {
    expect(
      validateResponse(screening, { interview_date: '2024-05-30', con_Consent: 'no' }, { today }),
    ).toEqual([]);
    expect(
      validateResponse(
        screening,
        { interview_date: '2024-05-30', con_Consent: 'no', age_stated: 3 },
        { today },
      ).map((i) => i.code),
    ).toEqual(['irrelevant_answer']);
  });
  it('age is asked only without a birth date, and bounded', () => {
    expect(issues({})).toEqual(['age_stated:required']);
    expect(issues({ age_stated: 121 })).toEqual(['age_stated:constraint']);
    expect(issues({ prs_Birthdate: '2000-01-01' })).toEqual([]);
    expect(issues({ prs_Birthdate: '2024-05-31' })).toEqual(['prs_Birthdate:constraint']);
  });
  it('the interview date cannot be in the future', () => {
    expect(issues({ age_stated: 25, interview_date: '2024-06-02' })).toContain('interview_date:constraint');
  });
  it('forced labour asks for the sector; sexual exploitation for its type', () => {
    expect(issues({ age_stated: 25, vic_TypeOfExploitation: ['ForcedLabour'] })).toEqual([
      'vic_ForcedLabourIndustry:required',
    ]);
    expect(
      issues({
        age_stated: 25,
        vic_TypeOfExploitation: ['ForcedLabour'],
        vic_ForcedLabourIndustry: 'F_Construction',
      }),
    ).toEqual([]);
    const s = evaluateForm(
      screening,
      { ...base, age_stated: 25, vic_TypeOfExploitation: ['SexualExploitation'] },
      { today },
    );
    expect(s.isRelevant('vic_TypeOfSexExploitation')).toBe(true);
    expect(s.isRelevant('vic_ForcedLabourIndustry')).toBe(false);
  });
  it('computes age from the birth date at the interview', () => {
    const s = evaluateForm(screening, { ...base, prs_Birthdate: '2008-06-01' }, { today });
    expect(s.values.age_years).toBe(15);
    expect(s.values.is_minor).toBe('yes');
    expect(s.isRelevant('prs_MaritalStatus')).toBe(false);
  });
  it('age when trafficked cannot exceed the current age', () => {
    expect(issues({ age_stated: 25, vic_AgeWhenTrafficked: 30 })).toEqual([
      'vic_AgeWhenTrafficked:constraint',
    ]);
  });
  it('a person found not to be a victim is not eligible', () => {
    expect(issues({ age_stated: 25, vic_TraffickingStatus: 'NotAVictimOfTrafficking' })).toEqual([
      'eligible_for_assistance:constraint',
    ]);
    expect(
      issues({
        age_stated: 25,
        vic_TraffickingStatus: 'NotAVictimOfTrafficking',
        eligible_for_assistance: 'no',
        eligibility_reason: 'x',
      }),
    ).toEqual([]);
    expect(issues({ age_stated: 25, vic_TraffickingStatus: 'ActualVictimOfTrafficking' })).toEqual([
      'vic_TraffickingStatusDecisionMakingOrg:required',
    ]);
  });
});

describe('assistance repeats', () => {
  const base = {
    interview_date: '2024-05-30',
    returned: 'no',
    reintegration_status: 'NotStarted',
    cas_Status: 'Active',
  };
  const issues = (a: Record<string, unknown>) =>
    validateResponse(assistance, { ...base, ...a }, { today }).map((i) => `${i.field}:${i.code}`);
  it('validates each assistance and trafficking event', () => {
    expect(
      issues({
        assistance_events: [
          { _id: '1', spl_Type: 'Financial', spl_StartDate: '2024-05-01', amount_usd: 100 },
          { _id: '2', spl_Type: 'Health', spl_StartDate: '2024-05-01', spl_PlannedEndDate: '2024-04-01' },
        ],
        trafficking_events: [
          { _id: 'a', hte_Type: 'Recruitment', hte_Country: 'NGA' },
          { _id: 'b', hte_Type: 'Exploitation', hte_Country: 'ITA' },
        ],
      }),
    ).toEqual([
      'assistance_events[1].spl_PlannedEndDate:constraint',
      'trafficking_events[1].hte_TypeOfExploitation:required',
    ]);
  });
  it('return questions follow the answer to returned', () => {
    expect(issues({ returned: 'yes' })).toEqual(['return_type:required', 'return_country:required']);
    const s = evaluateForm(
      assistance,
      {
        ...base,
        returned: 'yes',
        return_country: 'NGA',
        trafficking_events: [{ _id: 'a', hte_Type: 'Exploitation', hte_Country: 'NGA' }],
      },
      { today },
    );
    expect(s.isRelevant('exploitation_country_note')).toBe(true);
  });
  it('sums financial assistance across instances', () => {
    const s = evaluateForm(
      assistance,
      {
        ...base,
        assistance_events: [
          { _id: '1', spl_Type: 'Financial', amount_usd: 50 },
          { _id: '2', spl_Type: 'Financial', amount_usd: 25.5 },
          { _id: '3', spl_Type: 'Legal', amount_usd: 99 },
        ],
      },
      { today },
    );
    expect(s.values.total_financial_usd).toBe(75.5);
  });
});
