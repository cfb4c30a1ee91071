import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_IDS, TRANSITIONS, transition } from '@tern/profiles';
import type { ProfileBody, ProfileRole, WorkflowAction } from '@tern/profiles';
import type { TernDb } from '../device/db.ts';
import { saveEdition } from './profile-store.ts';
import type { LocalEdition } from './profile-store.ts';
import { problemText } from './problem-text.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { FiguresPanel } from './FiguresPanel.tsx';
import { SourcesTable } from './SourcesTable.tsx';
import { GapsView } from './GapsView.tsx';
import { ReportLinks } from './ReportLinks.tsx';

export type Edit = (change: (doc: ProfileBody) => ProfileBody) => Promise<boolean>;

const ACTIONS = Object.keys(TRANSITIONS) as WorkflowAction[];

/** One edition: its workflow, its nine sections, its figures, its gaps, its report. */
export function EditionView(props: {
  db: TernDb;
  dataKey: CryptoKey;
  edition: LocalEdition;
  roles: readonly ProfileRole[];
  username: string;
  device: string;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation('profiles');
  const { edition, roles } = props;
  const doc = edition.doc;
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The language the team writes in first; any other language of the edition can be chosen.
  const [lang, setLang] = useState(doc.languages[0]!);
  const status = doc.edition.status;
  const editable = status === 'draft' && roles.includes('team');

  /** Apply a change with the core's rules; stored on the device, or refused with the reason. */
  const edit: Edit = async (change) => {
    setProblem(null);
    setSaved(null);
    try {
      const at = new Date().toISOString();
      const next = { ...change(doc), updatedAt: at, updatedBy: props.username, device: props.device };
      await saveEdition(props.db, props.dataKey, next, edition.rev);
      await props.onSaved();
      setSaved(t('savedHere'));
      return true;
    } catch (e) {
      setProblem(problemText(e, t));
      return false;
    }
  };
  const step = (action: WorkflowAction) =>
    edit((d) => transition(d, action, { by: props.username, roles, at: new Date().toISOString() }));
  const allowed = ACTIONS.filter(
    (a) => TRANSITIONS[a].from === status && TRANSITIONS[a].roles.some((r) => roles.includes(r)),
  );

  return (
    <article className="profile-edition" data-edition={doc.edition.number} data-status={status}>
      <h3>
        <span lang={doc.title[lang] !== undefined ? lang : doc.languages[0]}>
          {doc.title[lang] ?? doc.title[doc.languages[0]!]}
        </span>{' '}
        <span className="profile-status">
          {t('editionOption', { n: doc.edition.number, status: t(`status.${status}`) })}
        </span>
      </h3>
      {edition.pending && <p className="hint">{t('pendingHere')}</p>}
      {edition.rejection && (
        <p role="alert" className="profile-problem" data-rejection={edition.rejection.code}>
          {t('refusedByServer', { reason: edition.rejection.reason, code: edition.rejection.code })}
        </p>
      )}
      {edition.conflicted && <p role="alert">{t('conflicted')}</p>}
      <div className="profile-workflow" role="group" aria-label={t('workflow')}>
        {allowed.map((a) => (
          <button key={a} type="button" disabled={edition.pending} onClick={() => void step(a)}>
            {t(`action.${a}`)}
          </button>
        ))}
        {allowed.length > 0 && edition.pending && <span className="hint">{t('syncBeforeStep')}</span>}
        <label>
          {t('writingLanguage')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            {doc.languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && (
        <p role="alert" className="profile-problem">
          {problem}
        </p>
      )}
      <p role="status" className="profile-saved">
        {saved}
      </p>
      <ReportLinks doc={doc} />
      {editable && <ImportPanel doc={doc} edit={edit} lang={lang} />}
      {editable && <FiguresPanel doc={doc} edit={edit} lang={lang} />}
      <SourcesTable doc={doc} />
      <GapsView doc={doc} edit={edit} editable={editable} />
      {SECTION_IDS.map((id) => (
        <SectionEditor
          key={id}
          id={id}
          doc={doc}
          lang={lang}
          edit={edit}
          editable={editable}
          mayComment={status !== 'published' && roles.some((r) => r === 'team' || r === 'reviewer')}
          username={props.username}
        />
      ))}
    </article>
  );
}
