import type { Column } from './columns.ts';
import type { Problems } from './problem.ts';
import type { RowContext } from './read-question.ts';
import type { Sheet } from './read-workbook.ts';

/** Survey columns Tern reads (after aliases: caption → label, bind::relevant → relevant…). */
const HANDLED = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'calculation',
  'default',
  'choice_filter',
  'appearance',
  'read_only',
  'repeat_count',
  'parameters',
]);

/** Columns that change nothing about the data collected: ignored with one warning per column. */
const PRESENTATION = new Set([
  'guidance_hint',
  'media',
  'image',
  'audio',
  'video',
  'big-image',
  'autoplay',
  'note',
  'comments',
  'comment',
]);

export function noticeColumns(
  sheet: Sheet,
  cols: readonly Column[],
  rows: readonly string[][],
  problems: Problems,
): void {
  for (const c of cols) {
    if (HANDLED.has(c.base)) continue;
    if (!rows.some((row) => (row[c.index] ?? '') !== '')) continue;
    const why = PRESENTATION.has(c.base)
      ? 'not shown by Tern'
      : c.base.startsWith('instance::') || c.base.startsWith('body::') || c.base.startsWith('bind::')
        ? 'an ODK extension Tern does not use'
        : 'not used by Tern';
    problems.warning(sheet.name, 1, `Column ${c.header} is ${why}; its values are ignored`, c.header);
  }
}

/**
 * Appearances the renderer honours, per question type. Others change only how a question looks in
 * ODK Collect or Enketo: they are ignored with one warning per appearance word (first row, count).
 */
const HONOURED: Record<string, ReadonlySet<string>> = {
  text: new Set(['multiline', 'numbers']),
  select_one: new Set([
    'minimal',
    'autocomplete',
    'search',
    'likert',
    'horizontal',
    'horizontal-compact',
    'columns',
    'columns-pack',
    'compact',
  ]),
  select_multiple: new Set([
    'minimal',
    'horizontal',
    'horizontal-compact',
    'columns',
    'columns-pack',
    'compact',
  ]),
  date: new Set(['no-calendar']),
  // The paged layout shows a top-level group as one page.
  group: new Set(['field-list']),
  repeat: new Set(['field-list']),
  integer: new Set(['numbers']),
  decimal: new Set(['numbers']),
  // new: take it now (the camera or recorder); new-front and selfie: the front camera.
  media: new Set(['new', 'new-front', 'selfie']),
};

export class Appearances {
  private readonly unknown = new Map<string, { row: number; count: number; type: string }>();
  constructor(private readonly sheet: string) {}

  check(_c: RowContext, type: string, appearance: string, row: number): void {
    if (appearance === '') return;
    for (const word of appearance.split(/\s+/)) {
      const base = word.replace(/-\d+$/, '').replace(/\(.*$/, '');
      if (HONOURED[type]?.has(base) || HONOURED[type]?.has(word)) continue;
      const key = `${word}\u0000${type}`;
      const seen = this.unknown.get(key);
      if (seen) seen.count++;
      else this.unknown.set(key, { row, count: 1, type });
    }
  }

  report(problems: Problems): void {
    for (const [key, u] of this.unknown) {
      const word = key.split('\u0000')[0]!;
      const more = u.count > 1 ? ` (this row and ${u.count - 1} more)` : '';
      problems.warning(
        this.sheet,
        u.row,
        `Appearance "${word}" is not used by Tern for a ${u.type} question; it is shown the usual way${more}`,
        'appearance',
      );
    }
  }
}
