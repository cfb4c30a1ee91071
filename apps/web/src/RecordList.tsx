import type { DocRow } from './db.ts';
import type { OpenRow } from './records.ts';
import { ReviewNote } from './conflicts/ReviewNote.tsx';

const STATE_TEXT: Record<DocRow['syncState'], string> = {
  draft: 'Draft',
  pending: 'Saved, not synced',
  synced: 'Synced',
  rejected: 'Rejected',
  conflict: 'In conflict, under review',
};

export function RecordList(props: { rows: OpenRow[]; onOpen?: (row: OpenRow) => void }) {
  if (props.rows.length === 0) return <p className="empty">No records on this device yet.</p>;
  return (
    <table className="records" aria-label="Records">
      <thead>
        <tr>
          <th>Name</th>
          <th>Form</th>
          <th>Saved</th>
          <th>Sync state</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const answers = (r.body.answers ?? {}) as Record<string, unknown>;
          return (
            <tr key={r.id} data-id={r.id} data-rev={r.rev} data-state={r.syncState}>
              <td>
                {props.onOpen && r.syncState !== 'draft' ? (
                  <button type="button" className="open-record" onClick={() => props.onOpen!(r)}>
                    {String(answers.full_name ?? r.id)}
                  </button>
                ) : (
                  String(answers.full_name ?? r.id)
                )}
              </td>
              <td>{String(r.body.form ?? r.type)}</td>
              <td>{new Date(r.updatedAt).toLocaleString()}</td>
              <td>
                {STATE_TEXT[r.syncState]}
                {r.rejection && (
                  <span className="rejection">
                    {' '}
                    — {r.rejection.reason} ({r.rejection.code})
                  </span>
                )}
                {r.review && (
                  <>
                    {' '}
                    <ReviewNote
                      review={r.review}
                      form={typeof r.body.form === 'string' ? r.body.form : null}
                    />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
