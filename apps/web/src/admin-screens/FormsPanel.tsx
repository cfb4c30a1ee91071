import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@tern/forms';
import type { FormListItem } from '@tern/api';
import { formatDate } from '../i18n/i18n.ts';
import { adminApi } from './admin-api.ts';
import { FormPreview } from './FormPreview.tsx';
import { Note } from './Note.tsx';
import { useAct, useAdminData } from './use-admin-data.ts';

/**
 * Published form versions: preview one read-only, retire one (devices stop offering it for new
 * records; its records stay readable and exportable; decision 164). Publishing is on #/admin/forms.
 */
export function FormsPanel() {
  const { t } = useTranslation('admin');
  const id = useId();
  const list = useAdminData(async () => (await adminApi.forms()).forms, []);
  const [preview, setPreview] = useState<string | null>(null);
  return (
    <section aria-labelledby={`${id}-h`} className="admin-panel">
      <h2 id={`${id}-h`}>{t('forms.title')}</h2>
      <p>
        <a href="#/admin/forms">{t('forms.publish')}</a>
      </p>
      <Note error={list.error} />
      <ul className="admin-cards" aria-label={t('forms.list')}>
        {(list.value ?? []).map((f) => (
          <FormRow
            key={f.key}
            form={f}
            onPreview={() => setPreview(f.key)}
            onChanged={() => void list.reload()}
          />
        ))}
      </ul>
      {preview && <FormPreview key={preview} formKey={preview} onClose={() => setPreview(null)} />}
    </section>
  );
}

function FormRow(props: { form: FormListItem; onPreview: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const f = props.form;
  const [confirming, setConfirming] = useState(false);
  const { busy, note, act } = useAct();
  return (
    <li data-form={f.key} className={f.retired ? 'retired' : undefined}>
      <strong>{localize(f.title, i18n.language, Object.keys(f.title)[0] ?? 'en')}</strong>{' '}
      <span className="meta">
        {f.key}
        {f.builtin
          ? ` · ${t('forms.builtin')}`
          : f.publishedAt
            ? ` · ${t('forms.publishedAt', { date: formatDate(f.publishedAt), by: f.publishedBy })}`
            : ''}
      </span>
      {f.retired && (
        <span className="badge">
          {' '}
          {t('forms.retired', { date: f.retiredAt ? formatDate(f.retiredAt) : '' })}
        </span>
      )}
      <div className="admin-actions">
        <button type="button" onClick={props.onPreview}>
          {t('forms.preview')}
        </button>
        {!f.retired && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('forms.retire')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-label={t('forms.retire')}>
          <p>{t('forms.retireExplain')}</p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(() => adminApi.retireForm(f.key), t('forms.wasRetired', { key: f.key })).then((ok) => {
                setConfirming(false);
                if (ok) props.onChanged();
              })
            }
          >
            {t('forms.retireConfirm', { key: f.key })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <Note note={note} />
    </li>
  );
}
