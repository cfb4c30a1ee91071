import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { createCase } from './case-store.ts';
import type { OpenCase } from './case-store.ts';
import type { CaseIndex } from './case-index.ts';
import { NoDeviceNumberError, deviceNumber } from './device-number.ts';

/**
 * Open a case: the person's name (kept under `pii`, sealed on the device), then the Screening form.
 * Refused up front on a device that has no number in the mission (it could not make a case code).
 */
export function NewCase(props: {
  db: TernDb;
  dataKey: CryptoKey;
  mission: string;
  device: string;
  user: string;
  index: CaseIndex;
  onCreated: (c: OpenCase) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('cases');
  const [numbered, setNumbered] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void deviceNumber(props.db, props.mission).then((n) => setNumbered(n !== null));
  }, [props.db, props.mission]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (k: string) => String(data.get(k) ?? '').trim();
    if (!text('fullName')) {
      setError(t('new.nameRequired'));
      return;
    }
    setBusy(true);
    try {
      const { row, open } = await createCase(props.db, props.dataKey, {
        mission: props.mission,
        device: props.device,
        user: props.user,
        pii: {
          fullName: text('fullName'),
          ...(text('otherNames') ? { otherNames: text('otherNames') } : {}),
          ...(text('birthDate') ? { birthDate: text('birthDate') } : {}),
          ...(text('phone') ? { phone: text('phone') } : {}),
        },
      });
      props.index.put(row, open.body);
      props.onCreated(open);
    } catch (err) {
      setError(
        err instanceof NoDeviceNumberError
          ? t('new.noNumber')
          : t('error', { message: (err as Error).message }),
      );
      setBusy(false);
    }
  };

  return (
    <section className="new-case" aria-labelledby="new-case-h">
      <h2 id="new-case-h">{t('new.heading')}</h2>
      {numbered === false ? (
        <p role="alert" className="case-error">
          {t('new.noNumber')}
        </p>
      ) : (
        <>
          <p>{t('new.intro')}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <label>
              {t('new.fullName')}
              <input name="fullName" required maxLength={300} autoComplete="off" />
            </label>
            <label>
              {t('new.otherNames')}
              <input name="otherNames" maxLength={300} autoComplete="off" />
            </label>
            <label>
              {t('new.birthDate')}
              <input name="birthDate" type="date" />
            </label>
            <label>
              {t('new.phone')}
              <input name="phone" type="tel" maxLength={50} autoComplete="off" />
            </label>
            <button type="submit" disabled={busy || numbered === null}>
              {t('new.create')}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t('new.cancel')}
            </button>
          </form>
          {error && (
            <p role="alert" className="case-error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
