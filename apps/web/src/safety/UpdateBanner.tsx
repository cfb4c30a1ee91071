import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { openWork, subscribeOpenWork } from './open-work.ts';

/**
 * A new version of the app is waiting (sw-update.ts). It takes over only when the user says so;
 * with a form open the banner says that the form will be kept as a draft, and if that draft cannot
 * be stored the update stops and says why.
 */
export function UpdateBanner(props: { activate: () => Promise<void> }) {
  const { t } = useTranslation('safety');
  const open = useSyncExternalStore(subscribeOpenWork, openWork);
  const [state, setState] = useState<'ready' | 'later' | 'updating' | 'failed'>('ready');
  if (state === 'later') return null;
  const update = async () => {
    setState('updating');
    try {
      await props.activate();
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="update" role="alert" data-state={state}>
      {state === 'failed'
        ? t('update.failed')
        : open === 'edit'
          ? t('update.readyEdit')
          : open === 'draft'
            ? t('update.readyDraft')
            : t('update.ready')}{' '}
      <button type="button" onClick={() => void update()} disabled={state === 'updating'}>
        {state === 'updating' ? t('update.updating') : t('update.now')}
      </button>{' '}
      <button type="button" onClick={() => setState('later')}>
        {t('update.later')}
      </button>
    </div>
  );
}
