import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';

/**
 * The header of a page that stands on its own (research dashboard, projection workspace): the page's
 * title, who is signed in, the language, back (when the page was opened from the app), lock, log out.
 */
export function PageHeader(props: {
  title: string;
  backLabel: string;
  username: string;
  role: string;
  onClose: (() => void) | null;
  onLock: () => void;
  onLogout: () => Promise<void>;
  /** Links to the account's other screens (Migration Profiles). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header>
      <h1>{props.title}</h1>
      <span className="user">{t('user', { username: props.username, role: t(`roles.${props.role}`) })}</span>
      <LanguagePicker />
      {props.children}
      {props.onClose && (
        <button type="button" onClick={props.onClose}>
          {props.backLabel}
        </button>
      )}
      <button type="button" onClick={props.onLock}>
        {t('lock')}
      </button>
      <button type="button" onClick={() => void props.onLogout()}>
        {t('logout')}
      </button>
    </header>
  );
}
