import type { FieldInfo } from '@tern/forms';
import type { Scope } from './answer-path.ts';

/**
 * What one question, group or repeat shows around its answer: its relevance, message, texts and
 * entries. A text or number field re-renders its frame only when one of these changes; the input
 * inside it follows the value on its own (`getValue`), so a keystroke re-renders the input alone.
 */
export interface FieldFrame {
  relevant: boolean;
  /** Shown only after the field was touched (blurred) or a save was attempted. */
  error: string | undefined;
  /** Repeats: the instance ids, in order. Other nodes: an empty list. */
  ids: readonly string[];
  /** The current value of each `${name}` in the node's label and hint (null: its texts have none). */
  outputs: Readonly<Record<string, string>> | null;
  /**
   * A select with a choice filter: the values offered now, joined (null for other nodes). A change to
   * what the filter reads re-renders the select with the choices it offers now.
   */
  offered: string | null;
}

/** All a field shows: re-rendered only when one of these changes. */
export interface FieldSnapshot extends FieldFrame {
  value: unknown;
}

export interface FieldHandle {
  readonly key: string;
  readonly info: FieldInfo;
  readonly scope: Scope;
  subscribe(listener: () => void): () => void;
  get(): FieldSnapshot;
  /** The snapshot without the value: a new object only when relevance, message, texts or entries change. */
  getFrame(): FieldFrame;
  /** The value alone (for an input that follows it by itself). */
  getValue(): unknown;
  /** `validate`: check at once (a choice made, a date picked) rather than after a pause in typing. */
  set(value: unknown, validate?: boolean): void;
  touch(): void;
}

export interface Entry extends FieldHandle {
  snap: FieldSnapshot;
  frame: FieldFrame;
  listeners: Set<() => void>;
}

export const NO_IDS: readonly string[] = Object.freeze([]);

export function sameOutputs(
  a: Readonly<Record<string, string>> | null,
  b: Readonly<Record<string, string>> | null,
): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  for (const k of Object.keys(a)) if (a[k] !== b[k]) return false;
  return true;
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
