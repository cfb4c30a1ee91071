import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';

/** Logout refused while records exist only on this device: say so, and offer the encrypted backup. */
export function LogoutBlocked(props: { db: TernDb; username: string; count: number; onClose: () => void }) {
  const { t } = useTranslation('safety');
  return (
    <div className="logout-blocked" role="alert">
      {t('logoutBlocked', { count: props.count })}{' '}
      <button
        type="button"
        onClick={() =>
          void import('./backup-actions.ts').then((m) => m.downloadBackup(props.db, props.username))
        }
      >
        {t('backup.download')}
      </button>{' '}
      <button type="button" onClick={props.onClose}>
        {t('close')}
      </button>
    </div>
  );
}
