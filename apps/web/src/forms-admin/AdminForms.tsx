import { useTranslation } from 'react-i18next';
import { FormUpload } from './FormUpload.tsx';

/** The admin's page for publishing form versions; lazy-loaded behind #/admin/forms. */
export default function AdminForms(props: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app admin">
      <header>
        <h1>{t('appName')}</h1>
        <button type="button" onClick={props.onClose}>
          {t('publish:back')}
        </button>
      </header>
      <main>
        <FormUpload />
      </main>
    </div>
  );
}
