import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@tern/api';
import type { ApiError } from '@tern/api';
import { i18next } from '../i18n/i18n.ts';
import { plainError as plainCatalogue } from '../i18n/plain-error.ts';

/**
 * A refusal in plain words; for a malformed or forbidden change the server's sentence follows,
 * because it names the field and the rule ("a device name has at most 60 characters").
 */
const withReason = (err: ApiError): string | undefined =>
  err.code === 'TERN_BAD_REQUEST' || err.code === 'TERN_AUTH_FORBIDDEN' || err.code === 'TERN_CONFLICT'
    ? `${errorMessage(err.code, i18next.language) ?? err.code} (${err.message})`
    : undefined;
export const plainError = (e: unknown): string => plainCatalogue(e, withReason);

/**
 * Load something from the server for an admin screen: the value, the error in plain words (the
 * catalogue's message in the UI language), and `reload` after a change.
 */
export function useAdminData<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  // The caller names what `load` depends on (like useEffect's list).
  const stable = useCallback(load, deps);
  const reload = useCallback(async () => {
    setError('');
    try {
      setValue(await stable());
    } catch (e) {
      setError(plainError(e));
    }
  }, [stable]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

/** Run one act (create, rename, retire…), reporting success or the refusal in plain words. */
export function useAct() {
  const { t } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setNote(null);
    try {
      await run();
      setNote({ ok: true, text: done });
      return true;
    } catch (e) {
      setNote({ ok: false, text: t('failed', { reason: plainError(e) }) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, note, act };
}
