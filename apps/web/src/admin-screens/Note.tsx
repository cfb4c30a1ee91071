/** The outcome of an act or a load: a status for success, an alert for a refusal. */
export function Note(props: { note: { ok: boolean; text: string } | null } | { error: string }) {
  if ('error' in props)
    return props.error ? (
      <p role="alert" className="error">
        {props.error}
      </p>
    ) : null;
  const n = props.note;
  if (!n) return null;
  return (
    <p role={n.ok ? 'status' : 'alert'} className={n.ok ? 'done' : 'error'}>
      {n.text}
    </p>
  );
}
