import { useState, useSyncExternalStore } from 'react';
import type { ChangeEvent } from 'react';
import { localize } from '@tern/forms';
import { bidiText } from './Bidi.tsx';
import type { Choice } from '@tern/forms';
import type { FieldHandle } from './answer-store.ts';

/**
 * The inputs a question draws (QuestionField.tsx): radio buttons and checkboxes of a select, and the text
 * and number inputs that follow their value by themselves, so a keystroke re-renders one element
 * (decision 225).
 */

export const selectedIn = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** A choice ticked or unticked: the answer, in the order the choices are offered (not click order). */
export function toggleChoice(
  h: FieldHandle,
  choices: readonly Choice[],
  value: unknown,
  multiple: boolean,
  v: string,
  on: boolean,
): void {
  if (!multiple) return h.set(on ? v : undefined, true);
  const next = new Set(selectedIn(value));
  if (on) next.add(v);
  else next.delete(v);
  h.set(
    choices.map((c) => c.value).filter((x) => next.has(x)),
    true,
  );
}

/** The choices of a select as radio buttons or checkboxes; the question's fieldset listens for them. */
export function ChoiceInputs(props: {
  name: string;
  choices: readonly Choice[];
  value: unknown;
  multiple: boolean;
  lang: string;
  dir: 'rtl' | 'ltr';
  fallback: string;
  invalid: true | undefined;
}) {
  const { name, choices, value, multiple } = props;
  const selected = selectedIn(value);
  return (
    <>
      {choices.map((c) => (
        <label key={c.value} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            value={c.value}
            checked={selected.includes(c.value)}
            aria-invalid={props.invalid}
          />{' '}
          {bidiText(localize(c.label, props.lang, props.fallback), props.dir)}
        </label>
      ))}
    </>
  );
}

/** Accepts what is typed; stores a number when it reads as one, else the text (validation then says so). */
export function parseNumber(text: string, integer: boolean): number | string | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const ok = integer ? /^[+-]?\d+$/.test(t) : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);
  return ok ? Number(t) : text;
}

export interface InputProps {
  id: string;
  handle: FieldHandle;
  onBlur: () => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/** A text question's input (a text area for long texts), following the value by itself. */
export function TextInput(props: InputProps & { long: boolean; inputMode: 'numeric' | undefined }) {
  const { handle, long, inputMode, ...rest } = props;
  const value = useSyncExternalStore(handle.subscribe, handle.getValue);
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => handle.set(e.target.value);
  const text = typeof value === 'string' ? value : '';
  return long ? (
    <textarea {...rest} rows={3} value={text} onChange={onChange} />
  ) : (
    <input {...rest} type="text" inputMode={inputMode} value={text} onChange={onChange} />
  );
}

/**
 * A text input for numbers (inputmode numeric: the phone's number pad, no spinner that changes an answer
 * on scroll). It keeps what was typed ("1." while typing "1.5") and stores the parsed number.
 */
export function NumberInput(props: InputProps & { integer: boolean }) {
  const { handle, integer, ...rest } = props;
  const value = useSyncExternalStore(handle.subscribe, handle.getValue);
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  // The store changed under us (a draft loaded, a default): show its value unless the text means it already.
  if (seen !== value) {
    setSeen(value);
    if (parseNumber(text, integer) !== value) setText(shown);
  }
  return (
    <input
      {...rest}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        const v = parseNumber(t, integer);
        setText(t);
        setSeen(v);
        handle.set(v);
      }}
    />
  );
}
