import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { countryName, searchCountries } from '@tern/forms';
import type { FieldHandle } from './answer-store.ts';
import { afterTap } from './after-tap.ts';
import { bidiText } from './Bidi.tsx';
import { useTranslation } from 'react-i18next';

/** At most this many matches are listed while searching (249 countries would bury the one wanted). */
const MAX_MATCHES = 12;

/**
 * A country question as a searchable list: type part of a name (in the form language) or an ISO code,
 * pick a match; chosen countries are listed with a remove button. Buttons and a search box only, so it
 * works with the keyboard and a screen reader with nothing custom. Answers are ISO 3166-1 alpha-3 codes.
 *
 * The question counts as left (and shows "required") only when the focus leaves the whole fieldset:
 * moving from the search box to one of its matches is still answering it. Before this, the message
 * appeared between pointer down and up on a match, moved the list a row, and the choice was lost.
 */
export function CountryField(props: {
  handle: FieldHandle;
  id: string;
  label: string;
  mark: ReactNode;
  value: unknown;
  multiple: boolean;
  lang: string;
  /** The form's direction: the label is isolated where it starts in the other one. */
  dir: 'rtl' | 'ltr';
  describedBy: string | undefined;
  invalid: true | undefined;
  hint: ReactNode;
  error: ReactNode;
}) {
  const { handle: h, id, lang, dir, multiple } = props;
  const { t } = useTranslation('form');
  const [query, setQuery] = useState('');
  const listId = useId();
  const selected: string[] = Array.isArray(props.value)
    ? (props.value as string[])
    : typeof props.value === 'string'
      ? [props.value]
      : [];
  const q = query.trim();
  const matches = searchCountries(q, lang, { limit: MAX_MATCHES, exclude: selected });

  const choose = (code: string) => {
    h.set(multiple ? [...selected, code] : code, true);
    setQuery('');
  };
  const drop = (code: string) => h.set(multiple ? selected.filter((c) => c !== code) : undefined, true);

  return (
    <fieldset
      className="question country"
      aria-describedby={props.describedBy}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) afterTap(h.touch);
      }}
    >
      <legend>
        {bidiText(props.label, dir)}
        {props.mark}
      </legend>
      {props.hint}
      {selected.length > 0 && (
        <ul className="chosen">
          {selected.map((code) => (
            <li key={code}>
              <span data-code={code}>{countryName(code, lang)}</span>{' '}
              <button
                type="button"
                onClick={() => drop(code)}
                aria-label={`${t('removeChoice')} ${countryName(code, lang)}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || selected.length === 0) && (
        <input
          id={id}
          type="search"
          autoComplete="off"
          aria-label={`${props.label} — ${t('searchCountry')}`}
          aria-controls={listId}
          aria-invalid={props.invalid}
          placeholder={t('searchCountry')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      <ul id={listId} className="matches" aria-live="polite">
        {matches.map((c) => (
          <li key={c.code}>
            <button type="button" onClick={() => choose(c.code)}>
              {c.name}
            </button>
          </li>
        ))}
        {q !== '' && matches.length === 0 && <li className="hint">{t('noMatch')}</li>}
      </ul>
      {props.error}
    </fieldset>
  );
}
