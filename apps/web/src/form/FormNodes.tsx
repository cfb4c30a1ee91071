import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { fillText, localize } from '@tern/forms';
import type { FormNode, Group, Repeat } from '@tern/forms';
import type { Scope } from './answer-store.ts';
import { domId, useFormContext } from './form-context.ts';
import { QuestionField } from './QuestionField.tsx';
import { bidiText } from './Bidi.tsx';

/** A list of nodes in one scope. Memoized: re-rendered only when its nodes, scope or the language change. */
export const FormNodes = memo(function FormNodes(props: { nodes: readonly FormNode[]; scope: Scope }) {
  return (
    <>
      {props.nodes.map((n) =>
        n.type === 'group' ? (
          <GroupSection key={n.name} node={n} scope={props.scope} />
        ) : n.type === 'repeat' ? (
          <RepeatSection key={n.name} node={n} scope={props.scope} />
        ) : (
          <QuestionField key={n.name} node={n} scope={props.scope} />
        ),
      )}
    </>
  );
});

export const GroupSection = memo(function GroupSection(props: { node: Group; scope: Scope }) {
  const { store, lang, dir, fallback } = useFormContext();
  const h = store.field(props.scope, props.node.name);
  const snap = useSyncExternalStore(h.subscribe, h.getFrame);
  if (!snap.relevant) return null;
  return (
    <fieldset className="group" id={domId(h.key)}>
      <legend>{bidiText(fillText(localize(props.node.label, lang, fallback), snap.outputs), dir)}</legend>
      <FormNodes nodes={props.node.children} scope={props.scope} />
    </fieldset>
  );
});

/**
 * A repeat: its instances (keyed by their `_id`, so removing one keeps the others' components and
 * focus) and an Add button. Removing an instance that holds answers asks first.
 */
export const RepeatSection = memo(function RepeatSection(props: { node: Repeat; scope: Scope }) {
  const { node, scope } = props;
  const { store, lang, fallback, t: words } = useFormContext();
  const t: TFunction<'form'> = words;
  const h = store.field(scope, node.name);
  const snap = useSyncExternalStore(h.subscribe, h.getFrame);
  const added = useRef<string | null>(null);
  if (!snap.relevant) return null;
  const id = domId(h.key);
  const label = fillText(localize(node.label, lang, fallback), snap.outputs);
  const full = node.maxCount !== undefined && snap.ids.length >= node.maxCount;
  const errId = snap.error ? `${id}-error` : undefined;
  return (
    <section className="repeat" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{label}</h3>
      {snap.ids.map((instanceId, i) => (
        <RepeatInstance
          key={instanceId}
          node={node}
          scope={scope}
          id={instanceId}
          index={i}
          focusOnMount={added.current === instanceId}
        />
      ))}
      {node.count === undefined && (
        <button
          type="button"
          className="add"
          disabled={full}
          aria-invalid={snap.error ? true : undefined}
          aria-describedby={errId}
          onClick={() => {
            added.current = store.addInstance(scope, node.name);
          }}
        >
          {t('add')}: {label}
        </button>
      )}
      {snap.error && (
        <p id={errId} className="error" role="alert">
          {snap.error}
        </p>
      )}
    </section>
  );
});

const RepeatInstance = memo(function RepeatInstance(props: {
  node: Repeat;
  scope: Scope;
  id: string;
  index: number;
  focusOnMount: boolean;
}) {
  const { node, id } = props;
  const { store, lang, fallback, t: words } = useFormContext();
  const t: TFunction<'form'> = words;
  const scope = useMemo(() => [...props.scope, { repeat: node.name, id }], [props.scope, node.name, id]);
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (props.focusOnMount) ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    // Only when the instance first appears (it was just added with the Add button).
  }, []);
  const title = `${localize(node.label, lang, fallback)} ${props.index + 1}`;
  const remove = () => store.removeInstance(props.scope, node.name, id);
  return (
    <fieldset className="instance" ref={ref} data-instance={id}>
      <legend>{title}</legend>
      <FormNodes nodes={node.children} scope={scope} />
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t('removeQ')}>
          <p>{t('removeQ')}</p>
          <button type="button" onClick={remove}>
            {t('remove')}
          </button>{' '}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('keep')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="remove"
          aria-label={`${t('remove')}: ${title}`}
          onClick={() =>
            store.instanceHasAnswers(props.scope, node.name, id) ? setConfirming(true) : remove()
          }
        >
          {t('remove')}
        </button>
      )}
    </fieldset>
  );
});
