import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { plainError } from '../i18n/plain-error.ts';

/**
 * Shown once, after this device's first sync in the mission: the name it was given (a default such as
 * "Chrome on Android") and a chance to change it. The mission's lists show this name.
 */
export function NameDevice(props: {
  current: string;
  onName: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation('sync');
  const id = useId();
  const [name, setName] = useState(props.current);
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError('');
    props
      .onName(name.trim())
      .then(props.onClose)
      .catch((err: unknown) => setError(plainError(err)));
  };
  return (
    <form className="name-device" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <p id={`${id}-h`}>{t('name.ask', { name: props.current })}</p>
      <label htmlFor={`${id}-n`}>{t('name.label')}</label>{' '}
      <input id={`${id}-n`} value={name} required maxLength={60} onChange={(e) => setName(e.target.value)} />{' '}
      <button type="submit">{t('name.save')}</button>{' '}
      <button type="button" onClick={props.onClose}>
        {t('name.keep')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
