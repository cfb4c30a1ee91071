import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addComment, resolveComment, sectionTitle } from '@tern/profiles';
import type { Paragraph, ProfileBody, SectionId } from '@tern/profiles';
import type { Edit } from './EditionView.tsx';
import { newItemId } from './item-id.ts';
import { indicatorName } from './indicator-name.ts';

function ParagraphEditor(props: {
  id: SectionId;
  paragraph: Paragraph;
  lang: string;
  main: string;
  edit: Edit;
  editable: boolean;
  index: number;
}) {
  const { t } = useTranslation('profiles');
  const { paragraph: p, lang } = props;
  const [text, setText] = useState(p.text[lang] ?? '');
  const shown = p.text[lang] ?? '';
  if (!props.editable)
    return (
      <p lang={p.text[lang] !== undefined ? lang : props.main} data-paragraph={p._id}>
        {p.text[lang] ?? p.text[props.main]}
      </p>
    );
  const save = () =>
    props.edit((d) => {
      const s = d.sections[props.id];
      const paragraphs = s.paragraphs.map((x) =>
        x._id === p._id ? { ...x, text: { ...x.text, [lang]: text } } : x,
      );
      return { ...d, sections: { ...d.sections, [props.id]: { ...s, paragraphs } } };
    });
  return (
    <div className="profile-paragraph" data-paragraph={p._id}>
      <label>
        {t('paragraph', { n: props.index + 1, lang })}
        <textarea lang={lang} value={text} rows={4} onChange={(e) => setText(e.target.value)} />
      </label>
      {lang !== props.main && p.text[props.main] !== undefined && (
        <p className="hint" lang={props.main}>
          {t('original', { text: p.text[props.main] })}
        </p>
      )}
      <button type="button" disabled={text === shown || text.trim() === ''} onClick={() => void save()}>
        {t('saveParagraph')}
      </button>
    </div>
  );
}

/** A section: its narrative in the chosen language, its tables, its comments. */
export function SectionEditor(props: {
  id: SectionId;
  doc: ProfileBody;
  lang: string;
  edit: Edit;
  editable: boolean;
  mayComment: boolean;
  username: string;
}) {
  const { t, i18n } = useTranslation('profiles');
  const { id, doc, lang } = props;
  const s = doc.sections[id];
  const [comment, setComment] = useState('');
  const main = doc.languages[0]!;
  const titleId = `profile-section-${id}`;
  const at = () => new Date().toISOString();

  const addParagraph = () =>
    props.edit((d) => {
      const sec = d.sections[id];
      const paragraphs = [...sec.paragraphs, { _id: newItemId('p'), text: { [lang]: t('newParagraph') } }];
      return { ...d, sections: { ...d.sections, [id]: { ...sec, paragraphs } } };
    });
  const sendComment = async () => {
    const ok = await props.edit((d) =>
      addComment(d, id, { id: newItemId('c'), by: props.username, at: at(), text: comment.trim() }),
    );
    if (ok) setComment('');
  };

  return (
    <section className="profile-section" aria-labelledby={titleId} data-section={id}>
      <h4 id={titleId}>{sectionTitle(id, i18n.language)}</h4>
      {s.paragraphs.length === 0 && <p className="hint">{t('noText')}</p>}
      {s.paragraphs.map((p, i) => (
        <ParagraphEditor
          key={`${p._id}:${lang}:${p.text[lang] ?? ''}`}
          id={id}
          paragraph={p}
          lang={lang}
          main={main}
          edit={props.edit}
          editable={props.editable}
          index={i}
        />
      ))}
      {props.editable && (
        <button type="button" onClick={() => void addParagraph()}>
          {t('addParagraph')}
        </button>
      )}
      {s.tables.length > 0 && (
        <ul className="profile-tables">
          {s.tables.map((tb) => (
            <li key={tb._id}>
              {t('table', {
                title: tb.title[lang] ?? tb.title[main] ?? tb._id,
                indicators: tb.indicators.map(indicatorName).join(', '),
              })}
            </li>
          ))}
        </ul>
      )}
      {(s.comments.length > 0 || props.mayComment) && (
        <div className="profile-comments" role="group" aria-label={t('comments')}>
          <ul>
            {s.comments.map((c) => (
              <li key={c._id} data-comment={c._id} data-resolved={c.resolved ? 'yes' : 'no'}>
                <span className="profile-comment-by">
                  {t('commentBy', { by: c.by, at: c.at.slice(0, 10) })}
                </span>{' '}
                {c.text}{' '}
                {c.resolved ? (
                  <span className="profile-resolved">{t('resolvedBy', { by: c.resolved.by })}</span>
                ) : (
                  props.mayComment && (
                    <button
                      type="button"
                      onClick={() =>
                        void props.edit((d) => resolveComment(d, id, c._id, { by: props.username, at: at() }))
                      }
                    >
                      {t('resolve')}
                    </button>
                  )
                )}
              </li>
            ))}
          </ul>
          {props.mayComment && (
            <>
              <label>
                {t('newComment', { section: sectionTitle(id, i18n.language) })}
                <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
              </label>
              <button type="button" disabled={comment.trim() === ''} onClick={() => void sendComment()}>
                {t('addComment')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
