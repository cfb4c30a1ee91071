import { memo, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { fillText, localize } from '@tern/forms';
import type { Question } from '@tern/forms';
import type { FieldFrame, Scope } from './answer-store.ts';
import { CountryField } from './CountryField.tsx';
import { afterTap } from './after-tap.ts';
import type { WidgetProps } from './OdkFields.tsx';
import { lazyScreen } from '../app/lazy-screen.tsx';
import { domId, useFormContext } from './form-context.ts';
import { bidiText } from './Bidi.tsx';
import { ChoiceInputs, NumberInput, TextInput, toggleChoice } from './question-inputs.tsx';

// Photos, recordings, locations, ranking and acknowledgements are fields few forms have: their code is a
// chunk of its own, fetched the first time such a field is drawn (precached by the service worker, so
// offline too) and not part of the interview route (decision 207).
const MediaField = lazyScreen(() => import('./MediaField.tsx').then((m) => m.MediaField));
const odk = () => import('./OdkFields.tsx');
const GeoPointField = lazyScreen<WidgetProps>(() => odk().then((m) => m.GeoPointField));
const GeoPointsField = lazyScreen<WidgetProps>(() => odk().then((m) => m.GeoPointsField));
const AcknowledgeField = lazyScreen(() => odk().then((m) => m.AcknowledgeField));
const RankField = lazyScreen(() => odk().then((m) => m.RankField));

/** Above this many choices a select_one is a drop-down list instead of radio buttons. */
export const RADIO_LIMIT = 8;

/**
 * Questions typed into key by key: their input follows the value by itself (TextInput, NumberInput),
 * and the question around it (label, hint, message) re-renders only when those change — a keystroke
 * re-renders one input element (decision 225).
 */
const OWN_VALUE: ReadonlySet<string> = new Set(['text', 'integer', 'decimal', 'range']);

/**
 * One question. Memoized on its (stable) node and scope, and subscribed to its own snapshot, so it
 * re-renders only when its value (but see OWN_VALUE), relevance or shown error changes — or the language.
 */
export const QuestionField = memo(function QuestionField(props: { node: Question; scope: Scope }) {
  const { node, scope } = props;
  const { store, lang, dir, fallback, t: words } = useFormContext();
  const t: TFunction<'form'> = words;
  const h = store.field(scope, node.name);
  const snap: FieldFrame & { value?: unknown } = useSyncExternalStore<FieldFrame>(
    h.subscribe,
    OWN_VALUE.has(node.type) ? h.getFrame : h.get,
  );
  if (!snap.relevant) return null;
  if (node.type === 'calculate' && !node.label) return null;
  // Never asked: a hidden value (its default or calculation) and metadata the device fills.
  if (node.type === 'hidden' || node.type === 'metadata') return null;

  const id = domId(h.key);
  const label = fillText(localize(node.label, lang, fallback), snap.outputs);
  const hint = 'hint' in node ? fillText(localize(node.hint, lang, fallback), snap.outputs) : '';
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = snap.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  const required = 'required' in node && node.required === true;
  const invalid: true | undefined = snap.error ? true : undefined;
  // A label, hint or choice is isolated in its own direction (bidiText, dir="auto"): an English text on
  // an Arabic page keeps its question mark at its end ("How …?", not "?How …"), and the required star
  // stays at the end of the line in the page's direction.
  const labelEl = bidiText(label, dir);
  const hintEl = hint ? (
    <p id={hintId} className="hint" dir="auto">
      {hint}
    </p>
  ) : null;
  const errorEl = snap.error ? (
    <p id={errId} className="error" role="alert">
      {snap.error}
    </p>
  ) : null;
  const mark = required ? <span aria-hidden="true"> *</span> : null;

  if (node.type === 'note')
    return (
      <div className="question note" id={id}>
        <p dir="auto">{label}</p>
        {hintEl}
      </div>
    );

  const multiple = node.type === 'select_multiple' || (node.type === 'country' && node.multiple === true);
  if (node.type === 'country')
    return (
      <CountryField
        handle={h}
        id={id}
        label={label}
        mark={mark}
        value={snap.value}
        multiple={multiple}
        lang={lang}
        dir={dir}
        describedBy={describedBy}
        invalid={invalid}
        hint={hintEl}
        error={errorEl}
      />
    );

  const appearance = new Set(('appearance' in node ? (node.appearance ?? '') : '').split(/\s+/));
  const readOnly = 'readOnly' in node && node.readOnly === true;
  const widget = {
    handle: h,
    id,
    value: snap.value,
    describedBy,
    invalid,
    required,
  };
  if (node.type === 'acknowledge')
    return (
      <div className="question">
        <AcknowledgeField
          {...widget}
          label={
            <>
              {labelEl}
              {mark}
            </>
          }
        />
        {hintEl}
        {errorEl}
      </div>
    );
  if (node.type === 'media')
    return (
      <fieldset className="question media" id={`${id}-group`} aria-describedby={describedBy}>
        <legend>
          {labelEl}
          {mark}
        </legend>
        {hintEl}
        <MediaField {...widget} node={node} readOnly={readOnly} />
        {errorEl}
      </fieldset>
    );
  if (node.type === 'rank')
    return (
      <fieldset className="question" aria-describedby={describedBy} disabled={readOnly}>
        <legend>
          {labelEl}
          {mark}
        </legend>
        {hintEl}
        <RankField {...widget} choices={store.choicesOf(scope, node.name)} lang={lang} fallback={fallback} />
        {errorEl}
      </fieldset>
    );

  if (node.type === 'select_multiple' || node.type === 'select_one') {
    const choices = store.choicesOf(scope, node.name);
    // XLSForm minimal / autocomplete / search: a drop-down list, as for long lists.
    const dropdown = ['minimal', 'autocomplete', 'search'].some((a) => appearance.has(a));
    if (node.type === 'select_one' && (choices.length > RADIO_LIMIT || dropdown)) {
      return (
        <div className="question">
          <label htmlFor={id}>
            {labelEl}
            {mark}
          </label>
          {hintEl}
          <select
            id={id}
            value={typeof snap.value === 'string' ? snap.value : ''}
            onChange={(e) => h.set(e.target.value, true)}
            onBlur={() => afterTap(h.touch)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            aria-required={required || undefined}
          >
            <option value="">{t('choose')}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {localize(c.label, lang, fallback)}
              </option>
            ))}
          </select>
          {errorEl}
        </div>
      );
    }
    return (
      <fieldset
        className={
          ['likert', 'horizontal', 'horizontal-compact', 'columns', 'columns-pack', 'compact'].some((a) =>
            appearance.has(a),
          )
            ? 'question choices horizontal'
            : 'question choices'
        }
        id={id}
        disabled={readOnly}
        aria-describedby={describedBy}
        // aria-required is allowed on a radiogroup, not on a group of checkboxes: those say it in words.
        role={multiple ? undefined : 'radiogroup'}
        aria-required={(!multiple && required) || undefined}
        // One listener per question, not two per choice (a form of 1,200 choices had 2,400): `change`
        // bubbles up from the choice, `blur` does not but passes here on its way down (capture).
        onChange={(e) => {
          const input: EventTarget = e.target;
          if (input instanceof HTMLInputElement && input.name === id)
            toggleChoice(h, choices, snap.value, multiple, input.value, input.checked);
        }}
        onBlurCapture={() => afterTap(h.touch)}
      >
        <legend>
          {labelEl}
          {mark}
          {multiple && required && <span className="visually-hidden"> ({t('requiredMark')})</span>}
        </legend>
        {hintEl}
        <ChoiceInputs
          name={id}
          choices={choices}
          value={snap.value}
          multiple={multiple}
          lang={lang}
          dir={dir}
          fallback={fallback}
          invalid={invalid}
        />
        {errorEl}
      </fieldset>
    );
  }

  const common = {
    id,
    onBlur: () => afterTap(h.touch),
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  let input: ReactNode;
  switch (node.type) {
    case 'integer':
    case 'decimal':
      input = <NumberInput {...common} handle={h} integer={node.type === 'integer'} />;
      break;
    case 'range':
      input = (
        <>
          <NumberInput
            {...common}
            handle={h}
            integer={Number.isInteger(node.step) && Number.isInteger(node.start)}
          />
          <span className="hint">
            {' '}
            {t('rangeHint', { start: node.start, end: node.end, step: node.step })}
          </span>
        </>
      );
      break;
    case 'date':
    case 'time':
    case 'datetime':
      input = (
        <input
          {...common}
          type={node.type === 'datetime' ? 'datetime-local' : node.type}
          value={
            typeof snap.value === 'string'
              ? snap.value.slice(0, node.type === 'datetime' ? 16 : undefined)
              : ''
          }
          onChange={(e) => h.set(e.target.value, true)}
        />
      );
      break;
    case 'geopoint':
      input = <GeoPointField {...widget} />;
      break;
    case 'geotrace':
    case 'geoshape':
      input = <GeoPointsField {...widget} />;
      break;
    case 'calculate':
      input = (
        <output id={id} aria-describedby={describedBy} className="calculated">
          {snap.value === undefined ? '—' : String(snap.value)}
        </output>
      );
      break;
    default: {
      const long = node.type === 'text' && ((node.maxLength ?? 0) > 255 || appearance.has('multiline'));
      input = (
        <TextInput
          {...common}
          handle={h}
          long={long}
          inputMode={appearance.has('numbers') ? 'numeric' : undefined}
        />
      );
    }
  }
  return (
    <div className="question">
      <label htmlFor={id}>
        {labelEl}
        {mark}
      </label>
      {hintEl}
      {readOnly ? <fieldset disabled>{input}</fieldset> : input}
      {errorEl}
    </div>
  );
});
