import { choiceFor, countryName, localize, questionsOf } from '@tern/forms';
import type { Choice, FormDefinition, Question } from '@tern/forms';
import type { WireDoc } from '@tern/sync';

/** A sheet of an export: a header row of labels and one row per record (or per repeat item). */
export interface Sheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

const ui: Record<string, Record<string, string>> = {
  record: {
    en: 'Record id',
    fr: "Identifiant de l'enregistrement",
    es: 'Id. del registro',
    ar: 'معرّف السجل',
    ru: 'Идентификатор записи',
  },
  created: { en: 'Created', fr: 'Créé le', es: 'Creado', ar: 'تاريخ الإنشاء', ru: 'Создано' },
  device: { en: 'Device', fr: 'Appareil', es: 'Dispositivo', ar: 'الجهاز', ru: 'Устройство' },
  parent: {
    en: 'Parent record',
    fr: 'Enregistrement parent',
    es: 'Registro padre',
    ar: 'السجل الأصلي',
    ru: 'Родительская запись',
  },
  item: {
    en: 'Item id',
    fr: "Identifiant de l'élément",
    es: 'Id. del elemento',
    ar: 'معرّف العنصر',
    ru: 'Идентификатор элемента',
  },
};
const word = (key: string, lang: string) => ui[key]![lang] ?? ui[key]!.en!;

function choicesOf(form: FormDefinition, q: Question): Choice[] {
  if (!('choices' in q) && !('choiceList' in q)) return [];
  const qq = q as { choices?: Choice[]; choiceList?: string };
  return qq.choices ?? (qq.choiceList ? (form.choiceLists?.[qq.choiceList] ?? []) : []);
}

/** An answer as a person reads it: choice labels in the export language, countries by name. */
function display(form: FormDefinition, q: Question, v: unknown, lang: string): string | number | null {
  if (v === undefined || v === null || v === '') return null;
  const label = (value: string) => {
    const c = choiceFor(choicesOf(form, q), value);
    return c ? localize(c.label, lang, form.defaultLanguage) : value;
  };
  switch (q.type) {
    case 'select_one':
      return label(String(v));
    case 'select_multiple':
      return (Array.isArray(v) ? v : String(v).split(' ')).map((x) => label(String(x))).join('; ');
    case 'country':
      return (Array.isArray(v) ? v : [v]).map((c) => countryName(String(c), lang)).join('; ');
    case 'integer':
    case 'decimal':
      return typeof v === 'number' ? v : Number(v);
    case 'media': {
      // The file as named on the device and the digest that names it on the server (…/attachments/<digest>).
      const f = v as { name?: unknown; digest?: unknown };
      return typeof v === 'object' ? `${String(f.name)} (sha-256 ${String(f.digest)})` : String(v);
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);

/**
 * The sheets for one form's submissions: the main sheet (questions outside repeats), and one sheet per
 * repeat with a row per item and its parent record id (as ODK exports them). CTDC-style ';' joins
 * multiple choices.
 */
export function formSheets(form: FormDefinition, docs: WireDoc[], lang: string): Sheet[] {
  const questions = questionsOf(form.children).filter((q) => q.question.type !== 'note');
  const top = questions.filter((q) => q.repeats.length === 0);
  const label = (q: Question) => localize(q.label, lang, form.defaultLanguage) || q.name;
  const main: Sheet = {
    name: sheetName(`${form.id}@${form.version}`),
    header: [
      word('record', lang),
      word('created', lang),
      word('device', lang),
      ...top.map((q) => label(q.question)),
    ],
    rows: [],
  };
  const repeatNames = [...new Set(questions.filter((q) => q.repeats.length === 1).map((q) => q.repeats[0]!))];
  const repeatSheets = repeatNames.map((r) => {
    const qs = questions.filter((q) => q.repeats[0] === r && q.repeats.length === 1);
    return {
      r,
      qs,
      sheet: {
        name: sheetName(`${form.id}-${r}`),
        header: [word('parent', lang), word('item', lang), ...qs.map((q) => label(q.question))],
        rows: [],
      } as Sheet,
    };
  });
  for (const d of docs) {
    const answers = (d.answers ?? {}) as Record<string, unknown>;
    main.rows.push([
      d._id,
      String(d.createdAt ?? ''),
      String(d.device ?? ''),
      ...top.map((q) => display(form, q.question, answers[q.question.name], lang)),
    ]);
    for (const rs of repeatSheets) {
      const items = Array.isArray(answers[rs.r]) ? (answers[rs.r] as Array<Record<string, unknown>>) : [];
      for (const item of items) {
        rs.sheet.rows.push([
          d._id,
          String(item._id ?? ''),
          ...rs.qs.map((q) => display(form, q.question, item[q.question.name], lang)),
        ]);
      }
    }
  }
  return [main, ...repeatSheets.map((r) => r.sheet)];
}
