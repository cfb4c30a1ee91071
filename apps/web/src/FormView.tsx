import { useState } from 'react';
import type { FormEvent } from 'react';
import { questionsOf, validateResponse } from '@tern/forms';
import type { FormDefinition, FormNode, Question } from '@tern/forms';

type Answers = Record<string, unknown>;

function label(text: Record<string, string> | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

function QuestionInput(props: {
  q: Question;
  value: unknown;
  onChange: (v: unknown) => void;
  lang: string;
  fallback: string;
  error?: string;
}) {
  const { q, value, onChange, lang, fallback, error } = props;
  const id = `q-${q.name}`;
  const text = label(q.label, lang, fallback);
  const errId = error ? `${id}-error` : undefined;
  const common = {
    id,
    name: q.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errId,
  } as const;
  let input: React.ReactNode;
  switch (q.type) {
    case 'text':
      input = (
        <input
          {...common}
          type="text"
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'integer':
      input = (
        <input
          {...common}
          type="number"
          step={1}
          inputMode="numeric"
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
    case 'date':
      input = (
        <input
          {...common}
          type="date"
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      );
      break;
    case 'select_one':
      input = (
        <select
          {...common}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">—</option>
          {(q.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {label(c.label, lang, fallback)}
            </option>
          ))}
        </select>
      );
      break;
    case 'select_multiple': {
      const selected = new Set((value as string[] | undefined) ?? []);
      return (
        <fieldset className="question" aria-describedby={errId}>
          <legend>
            {text}
            {'required' in q && q.required ? ' *' : ''}
          </legend>
          {(q.choices ?? []).map((c) => (
            <label key={c.value} className="choice">
              <input
                type="checkbox"
                name={q.name}
                value={c.value}
                checked={selected.has(c.value)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(c.value);
                  else next.delete(c.value);
                  onChange((q.choices ?? []).map((x) => x.value).filter((v) => next.has(v)));
                }}
              />
              {label(c.label, lang, fallback)}
            </label>
          ))}
          {error && (
            <p id={errId} className="error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      );
    }
    default:
      input = (
        <input
          {...common}
          type="text"
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className="question">
      <label htmlFor={id}>
        {text}
        {'required' in q && q.required ? ' *' : ''}
      </label>
      {input}
      {error && (
        <p id={errId} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Nodes(props: {
  nodes: FormNode[];
  answers: Answers;
  set: (name: string, v: unknown) => void;
  lang: string;
  fallback: string;
  errors: Record<string, string>;
}) {
  return (
    <>
      {props.nodes.map((n) =>
        n.type === 'repeat' ? (
          <p key={n.name} className="unsupported">
            {label(n.label, props.lang, props.fallback)}: repeats are not shown in this view yet.
          </p>
        ) : n.type === 'group' ? (
          <fieldset key={n.name} className="group">
            <legend>{label(n.label, props.lang, props.fallback)}</legend>
            <Nodes {...props} nodes={n.children} />
          </fieldset>
        ) : (
          <QuestionInput
            key={n.name}
            q={n}
            value={props.answers[n.name]}
            onChange={(v) => props.set(n.name, v)}
            lang={props.lang}
            fallback={props.fallback}
            error={props.errors[n.name]}
          />
        ),
      )}
    </>
  );
}

/** Renders a form definition and returns valid answers on save; invalid answers show inline messages. */
export function FormView(props: {
  form: FormDefinition;
  lang: string;
  onSave: (answers: Answers) => Promise<void>;
  onCancel: () => void;
}) {
  const { form, lang } = props;
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const set = (name: string, v: unknown) => {
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) delete next[name];
      else next[name] = v;
      return next;
    });
    setErrors((e) => {
      if (!e[name]) return e;
      const next = { ...e };
      delete next[name];
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const issues = validateResponse(form, answers);
    if (issues.length > 0) {
      setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
      const first = questionsOf(form.children).find((q) => issues.some((i) => i.field === q.question.name));
      if (first) document.getElementById(`q-${first.question.name}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await props.onSave(answers);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={label(form.title, lang, form.defaultLanguage)}
    >
      <h2>{label(form.title, lang, form.defaultLanguage)}</h2>
      <Nodes
        nodes={form.children}
        answers={answers}
        set={set}
        lang={lang}
        fallback={form.defaultLanguage}
        errors={errors}
      />
      <div className="actions">
        <button type="submit" disabled={saving}>
          Save record
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
