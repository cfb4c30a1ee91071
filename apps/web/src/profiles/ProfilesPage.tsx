import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TernDb } from '../device/db.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { listCountries } from './profiles-api.ts';
import type { CountrySummary } from './profiles-api.ts';
import { CountryView } from './CountryView.tsx';
import './profiles.css';

/**
 * Migration Profiles (issue 15): the countries the account holds a role on, then one country's
 * editions, kept on this device so a national team drafts offline and syncs when it can.
 */
export default function ProfilesPage(props: {
  db: TernDb;
  username: string;
  role: string;
  profileKeys: ReadonlyMap<string, CryptoKey>;
  onClose: () => void;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { t } = useTranslation('profiles');
  const [countries, setCountries] = useState<CountrySummary[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    void listCountries(props.username, [...props.profileKeys.keys()]).then((list) => {
      setCountries(list);
      if (list.length === 1) setOpen(list[0]!.country);
    });
  }, [props.username, props.profileKeys]);
  const chosen = countries?.find((c) => c.country === open);
  const key = open ? props.profileKeys.get(open) : undefined;

  return (
    <div className="app profiles">
      <PageHeader
        title={t('title')}
        backLabel={t('back')}
        username={props.username}
        role={props.role}
        onClose={props.onClose}
        onLock={props.onLock}
        onLogout={props.onLogout}
      />
      <main>
        {countries === null ? (
          <p>…</p>
        ) : (
          <nav aria-label={t('countries')} className="profile-countries">
            <ul>
              {countries.map((c) => (
                <li key={c.country}>
                  <button type="button" aria-pressed={c.country === open} onClick={() => setOpen(c.country)}>
                    {c.name} ({c.country})
                  </button>{' '}
                  <span className="profile-roles">
                    {c.roles.map((r) => t(`roles.${r}`)).join(', ') || t('rolesUnknown')}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {chosen && key && (
          <CountryView
            key={chosen.country}
            db={props.db}
            dataKey={key}
            summary={chosen}
            username={props.username}
          />
        )}
      </main>
    </div>
  );
}
