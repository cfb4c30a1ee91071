import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@tern/forms';
import type { Choice } from '@tern/forms';
import type { FieldHandle } from './answer-store.ts';
import { afterTap } from './after-tap.ts';

/** What every field widget here gets from QuestionField: its handle, ids and accessible wiring. */
export interface WidgetProps {
  handle: FieldHandle;
  id: string;
  value: unknown;
  describedBy: string | undefined;
  invalid: true | undefined;
  required: boolean;
}

/**
 * A place (XLSForm geopoint): "Use my location" asks the browser (high accuracy, shown in metres) and
 * stores ODK's `lat lon altitude accuracy`; the place can also be typed, for a device without GPS or a
 * person who refuses location access.
 */
export function GeoPointField(props: WidgetProps) {
  const { t } = useTranslation('form');
  const { handle: h } = props;
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const value = typeof props.value === 'string' ? props.value : '';
  const accuracy = value.trim().split(/\s+/)[3];
  const locate = () => {
    if (!('geolocation' in navigator)) return setState({ busy: false, error: t('geo.unavailable') });
    setState({ busy: true, error: null });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const c = pos.coords;
        const round = (x: number, d: number) => Number(x.toFixed(d));
        h.set(
          `${round(c.latitude, 7)} ${round(c.longitude, 7)} ${round(c.altitude ?? 0, 1)} ${round(c.accuracy, 1)}`,
          true,
        );
        setState({ busy: false, error: null });
      },
      (err) => setState({ busy: false, error: t('geo.failed', { reason: err.message || String(err.code) }) }),
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 },
    );
  };
  return (
    <>
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        value={value}
        placeholder={t('geo.format')}
        onChange={(e) => h.set(e.target.value)}
        onBlur={() => afterTap(h.touch)}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        aria-required={props.required || undefined}
      />{' '}
      <button type="button" onClick={locate} disabled={state.busy}>
        {state.busy ? t('geo.locating') : t('geo.locate')}
      </button>
      {accuracy !== undefined && <p className="hint">{t('geo.accuracy', { m: accuracy })}</p>}
      {state.error && <p className="hint">{state.error}</p>}
    </>
  );
}

/** A line or a shape (geotrace, geoshape): points typed as `lat lon` separated by `;` (no map yet). */
export function GeoPointsField(props: WidgetProps) {
  const { t } = useTranslation('form');
  return (
    <>
      <textarea
        id={props.id}
        rows={3}
        value={typeof props.value === 'string' ? props.value : ''}
        placeholder={t('geo.points')}
        onChange={(e) => props.handle.set(e.target.value)}
        onBlur={() => afterTap(props.handle.touch)}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        aria-required={props.required || undefined}
      />
    </>
  );
}

/** acknowledge: one box; ticked stores `OK`, unticked nothing. */
export function AcknowledgeField(props: WidgetProps & { label: ReactNode }) {
  return (
    <label className="choice">
      <input
        id={props.id}
        type="checkbox"
        checked={props.value === 'OK'}
        onChange={(e) => props.handle.set(e.target.checked ? 'OK' : undefined, true)}
        onBlur={() => afterTap(props.handle.touch)}
        aria-invalid={props.invalid}
        aria-describedby={props.describedBy}
        aria-required={props.required || undefined}
      />{' '}
      {props.label}
    </label>
  );
}

/** rank: every choice in the person's order, moved with buttons (keyboard and screen-reader friendly). */
export function RankField(
  props: WidgetProps & { choices: readonly Choice[]; lang: string; fallback: string },
) {
  const { t } = useTranslation('form');
  const { choices, handle: h } = props;
  const offered = choices.map((c) => c.value);
  const stored = Array.isArray(props.value)
    ? (props.value as string[]).filter((v) => offered.includes(v))
    : [];
  const order = [...stored, ...offered.filter((v) => !stored.includes(v))];
  const move = (i: number, by: number) => {
    const next = [...order];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    h.set(next, true);
  };
  const label = (v: string) =>
    localize(choices.find((c) => c.value === v)?.label, props.lang, props.fallback);
  return (
    <>
      <ol id={props.id} className="rank" aria-describedby={props.describedBy}>
        {order.map((v, i) => (
          <li key={v}>
            {label(v)}{' '}
            <button
              type="button"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`${t('rank.up')}: ${label(v)}`}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === order.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`${t('rank.down')}: ${label(v)}`}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {stored.length !== offered.length && (
        <button type="button" onClick={() => h.set(order, true)}>
          {t('rank.keep')}
        </button>
      )}
    </>
  );
}
