import type { FormNode, LocalizedText } from './definition.ts';
import { toStr } from './expr/index.ts';
import type { EvalContext, Evaluator } from './expr/index.ts';

/** `${name}` inside a label, hint or message: ODK's output value, shown with the answer's current value. */
const OUTPUT = /\$\{([^{}\s]+)\}/g;

/** The properties of a node whose texts may hold `${name}`. */
export const TEXT_PROPERTIES = ['label', 'hint', 'constraintMessage', 'requiredMessage'] as const;

/** Every name referred to in the node's texts, in every language, once each. */
export function textRefsOf(node: FormNode): string[] {
  const out = new Set<string>();
  for (const p of TEXT_PROPERTIES) {
    const text = (node as Partial<Record<(typeof TEXT_PROPERTIES)[number], LocalizedText>>)[p];
    if (!text) continue;
    for (const s of Object.values(text)) for (const m of s.matchAll(OUTPUT)) out.add(m[1]!);
  }
  return [...out];
}

/** The names a text refers to, with the property and language they were found in (for problems). */
export function textRefsWhere(node: FormNode): Array<{ name: string; property: string; lang: string }> {
  const out: Array<{ name: string; property: string; lang: string }> = [];
  for (const p of TEXT_PROPERTIES) {
    const text = (node as Partial<Record<(typeof TEXT_PROPERTIES)[number], LocalizedText>>)[p];
    if (!text) continue;
    for (const [lang, s] of Object.entries(text))
      for (const m of s.matchAll(OUTPUT)) out.push({ name: m[1]!, property: p, lang });
  }
  return out;
}

/** A text with each `${name}` replaced by that answer's current value ('' while unanswered). */
export function fillText(text: string, values: Readonly<Record<string, string>> | null): string {
  if (!values || !text.includes('${')) return text;
  return text.replace(OUTPUT, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The current value of each `${name}` in a field's texts (see FieldInfo.outputs), as text. */
export function outputValues(
  outputs: ReadonlyMap<string, Evaluator> | null,
  ctx: EvalContext,
): Record<string, string> | null {
  if (!outputs) return null;
  const out: Record<string, string> = {};
  for (const [name, ev] of outputs) out[name] = toStr(ev(ctx));
  return out;
}
