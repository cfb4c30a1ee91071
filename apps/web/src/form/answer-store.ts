import {
  changeReach,
  compileForm,
  currentAnswers,
  evaluateChange,
  evaluateForm,
  fillMetadata,
  newRepeatInstance,
  offeredChoices,
  outputValues,
  pruneIrrelevant,
  validateResponse,
} from '@tern/forms';
import type {
  Answers,
  Choice,
  CompiledForm,
  DeviceFacts,
  FormDefinition,
  FormState,
  ValidationIssue,
} from '@tern/forms';
import { ulid } from 'ulidx';
import { isEmpty, nameOfPath, scopeKey, setIn } from './answer-path.ts';
import { issueText } from './issue-text.ts';
import { InstanceLocator } from './instance-locator.ts';
import { NO_IDS, sameIds } from './field-snapshot.ts';
import { FieldRegistry, frameOf } from './field-registry.ts';
import type { Entry, FieldFrame, FieldHandle, FieldSnapshot } from './field-snapshot.ts';
import { fillRepeatCounts } from './repeat-counts.ts';
import { PauseTimer } from './pause-timer.ts';
import { localToday } from '../cases/screening-prefill.ts';
import type { Scope } from './answer-path.ts';

export type { Scope };
export type { FieldFrame, FieldHandle, FieldSnapshot };

export interface AnswerStoreOptions {
  answers?: Answers;
  language?: string;
  /** Delay of the validation that follows a change (ms). Validation of the 1,550-input benchmark form
   *  takes about 2 ms, 8 ms at 4× CPU throttling: too much for every keystroke, so it waits for a pause. */
  validateDelayMs?: number;
  today?: string;
  newId?: () => string;
  /** For the form's metadata questions (XLSForm deviceid, username). */
  device?: { deviceid?: string | undefined; username?: string | undefined };
}

/**
 * The answers of one response, kept outside React. A change to an answer does only the work it can
 * matter to (decision 225): the form's expressions say which nodes read which answers (changeReach),
 * so an answer nothing reads is copied into the evaluated state without evaluating the form again,
 * one that relevances or calculations read evaluates it again (relevance and calculations, ~0.5 ms
 * for 600 questions), and in both cases only the mounted fields the change can reach are refreshed
 * and notified — those whose snapshot (value, relevance, shown error, texts) changed re-render. A
 * keystroke re-renders the field typed in and the fields whose relevance or calculated value it
 * changed, never the whole form. Validation (required, constraint) follows after a pause in typing,
 * on blur and on save, and refreshes the fields whose message appears, changes or goes.
 */
export class AnswerStore {
  readonly compiled: CompiledForm;
  readonly form: FormDefinition;
  private answers: Answers;
  private state: FormState;
  private language: string;
  private readonly fields = new FieldRegistry((e) => this.snapshotOf(e));
  private readonly entries = this.fields.byKey;
  private readonly touched = new Set<string>();
  private errors = new Map<string, ValidationIssue>();
  private showAll = false;
  /** Validation after a pause in typing: a keystroke moves it on. */
  private readonly validation = new PauseTimer(() => this.validateNow());
  private readonly changeListeners = new Set<(answers: Answers) => void>();
  private readonly opts: AnswerStoreOptions;
  /** Index of each instance id, per repeat array (arrays are replaced, never mutated, on change). */
  private readonly locate = new InstanceLocator(() => this.answers);
  private revision = 0;

  constructor(form: FormDefinition, opts: AnswerStoreOptions = {}) {
    this.form = form;
    this.compiled = compileForm(form);
    this.opts = opts;
    // Old codes of a changed choice list open as the current choice (choice-aliases.ts).
    this.answers = fillMetadata(
      form,
      currentAnswers(this.compiled, opts.answers ?? {}),
      'open',
      this.facts(),
    );
    this.language = opts.language ?? form.defaultLanguage;
    this.state = this.evaluate();
    if (this.fillRepeatCounts()) this.state = this.evaluate();
  }

  /** XLSForm repeat_count (./repeat-counts.ts): true when entries were added. */
  private fillRepeatCounts(): boolean {
    const next = fillRepeatCounts(this.compiled, this.state, this.answers, this.opts.newId ?? ulid);
    if (next === this.answers) return false;
    this.answers = next;
    return true;
  }

  getAnswers(): Answers {
    return this.answers;
  }

  /** Number of changes made since the store was created (0: nothing entered yet). */
  get changes(): number {
    return this.revision;
  }

  /** The answers to save as a final submission: irrelevant answers removed, calculations current (decision 013). */
  prunedAnswers(): Answers {
    const answers = fillMetadata(this.form, this.answers, 'save', this.facts());
    return pruneIrrelevant(this.form, answers, this.todayOpt());
  }

  /** What the device knows for metadata questions (start, end, today, deviceid, username). */
  private facts(): DeviceFacts {
    const d = new Date();
    return {
      now: d.toISOString(),
      today: this.opts.today ?? localToday(d),
      deviceid: this.opts.device?.deviceid,
      username: this.opts.device?.username,
    };
  }

  setLanguage(language: string): void {
    if (language === this.language) return;
    this.language = language;
    if (this.errors.size > 0) this.validateNow();
  }

  /** Called after every change with the new answers (autosave). */
  onChange(listener: (answers: Answers) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The handle of a question, group or repeat in a scope, made once per key so React sees stable functions. */
  field(scope: Scope, name: string): FieldHandle {
    const key = scopeKey(scope) + name;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const info = this.compiled.byName.get(name);
    if (!info) throw new Error(`No question named ${name} in form ${this.form.id}`);
    const initial = {
      value: undefined,
      relevant: true,
      error: undefined,
      ids: NO_IDS,
      outputs: null,
      offered: null,
    };
    const entry: Entry = {
      key,
      info,
      scope,
      snap: initial,
      frame: initial,
      listeners: new Set(),
      subscribe: (listener) => {
        entry.listeners.add(listener);
        return () => entry.listeners.delete(listener);
      },
      // A field nobody listens to is not kept up to date by notify(): refresh it when read (on mount).
      get: () => (entry.listeners.size === 0 ? this.fields.refresh(entry) : entry.snap),
      getFrame: () => {
        if (entry.listeners.size === 0) this.fields.refresh(entry);
        return entry.frame;
      },
      getValue: () => entry.get().value,
      set: (value, validate) => this.set(scope, name, value, validate),
      touch: () => this.touch(key),
    };
    entry.snap = this.snapshotOf(entry);
    entry.frame = frameOf(entry.snap);
    this.fields.add(entry);
    return entry;
  }

  set(scope: Scope, name: string, value: unknown, validate = false): void {
    const path = this.locate.recordPath(scope);
    if (!path) return;
    this.answers = setIn(this.answers, path, name, isEmpty(value) ? undefined : value);
    this.revision++;
    // Evaluates the form again only when some relevance, calculation or count reads this answer.
    const dayBefore = this.state.today.days;
    this.state = evaluateChange(this.state, this.answers, path, name, this.todayOpt());
    const reach = changeReach(this.compiled, name);
    // A new day since the last change (a form left open past midnight): whatever reads today() changed.
    let all = reach === null || this.state.today.days !== dayBefore;
    if ((!reach || reach.evaluated.size > 0) && this.fillRepeatCounts()) {
      this.state = this.evaluate();
      all = true; // entries added: their fields are new
    }
    if (all || !reach) this.fields.notify(null);
    else if (reach.evaluated.size > 0) this.fields.notify(reach.shown);
    else {
      // Nothing evaluated: of the changed question, only this scope's field changed (the same
      // question in other repeat entries did not); the nodes that show it are refreshed everywhere.
      const self = this.entries.get(scopeKey(scope) + name);
      this.fields.notify(reach.shown, name, self);
    }
    this.afterChange();
    // A click is a finished answer: its message (or the end of one) should not arrive later and move
    // the page under the next click.
    if (validate) this.validateNow();
  }

  /** Append a repeat instance (ULID made on this device, decision 011) with its questions' defaults. */
  addInstance(scope: Scope, repeat: string): string {
    const path = this.locate.recordPath(scope);
    const info = this.compiled.byName.get(repeat);
    if (!path || !info || info.node.type !== 'repeat') throw new Error(`${repeat} is not a repeat`);
    const id = (this.opts.newId ?? ulid)();
    const items = this.read(scope, repeat);
    const next = [...(Array.isArray(items) ? items : []), newRepeatInstance(info.node, id)];
    this.answers = setIn(this.answers, path, repeat, next);
    this.changed();
    return id;
  }

  removeInstance(scope: Scope, repeat: string, id: string): void {
    const path = this.locate.recordPath(scope);
    const items = this.read(scope, repeat);
    if (!path || !Array.isArray(items)) return;
    const next = items.filter((it) => (it as { _id?: unknown })._id !== id);
    this.answers = setIn(this.answers, path, repeat, next.length ? next : undefined);
    // Touched marks and errors of the removed instance go with it; indexes of later ones shift.
    const prefix = scopeKey([...scope, { repeat, id }]);
    for (const k of this.touched) if (k.startsWith(prefix)) this.touched.delete(k);
    this.fields.removeUnder(prefix);
    this.changed();
    if (this.errors.size > 0) this.validateNow();
  }

  /** Whether an instance holds any answer (removing it then asks for confirmation). */
  instanceHasAnswers(scope: Scope, repeat: string, id: string): boolean {
    const rec = this.locate.record([...scope, { repeat, id }]);
    return rec !== null && Object.keys(rec).some((k) => k !== '_id' && !isEmpty(rec[k]));
  }

  /** Choices offered now by a select in this scope (after its choice filter). */
  choicesOf(scope: Scope, name: string): readonly Choice[] {
    const info = this.compiled.byName.get(name);
    if (!info?.choices) return [];
    if (!info.choiceFilter) return info.choices;
    const frame = this.locate.frame(scope, this.state.values);
    if (!frame) return info.choices;
    return (
      offeredChoices(info, {
        today: this.state.today,
        current: '',
        position: frame.positions.at(-1) ?? 0,
        scope: frame.records,
      }) ?? []
    );
  }

  /** Validate everything now and show every error; returns the issues of relevant questions in document order. */
  save(): ValidationIssue[] {
    this.showAll = true;
    return this.validateNow();
  }

  validateNow(): ValidationIssue[] {
    this.validation.cancel();
    const issues = validateResponse(this.form, this.answers, {
      language: this.language,
      irrelevant: 'ignore',
      ...this.todayOpt(),
    });
    const before = this.errors;
    this.errors = new Map(issues.map((i) => [i.field, i]));
    // Only a message that appears, changes or goes changes a snapshot; `touched` and `showAll` only
    // show messages that are in the map.
    const names = new Set<string>();
    for (const path of [...before.keys(), ...this.errors.keys()]) names.add(nameOfPath(path));
    this.fields.notify(names);
    return issues;
  }

  /** Key of the first field (in document order) with a shown error, for focusing it. */
  firstErrorKey(): string | null {
    let best: { key: string; order: number } | null = null;
    const order = new Map(this.compiled.fields.map((f, i) => [f.name, i]));
    for (const e of this.entries.values()) {
      if (!e.snap.error || !e.snap.relevant) continue;
      const o = (order.get(e.info.name) ?? 0) * 100_000 + this.locate.instanceOrder(e.scope);
      if (!best || o < best.order) best = { key: e.key, order: o };
    }
    return best?.key ?? null;
  }

  /** Index path of a field as validation reports it: `rep[2].r_int`. */
  pathOf(scope: Scope, name: string): string | null {
    if (scope.length === 0) return name;
    const steps = this.locate.recordPath(scope);
    return steps && steps.map((st) => `${st.repeat}[${st.index}].`).join('') + name;
  }

  dispose(): void {
    this.validation.cancel();
    this.changeListeners.clear();
  }

  private touch(key: string): void {
    if (this.touched.has(key)) return;
    this.touched.add(key);
    this.validateNow();
  }

  /** After a change the reach of which is not known (instances added or removed) or is wide: evaluate, refresh all. */
  private changed(): void {
    this.revision++;
    this.state = this.evaluate();
    if (this.fillRepeatCounts()) this.state = this.evaluate();
    this.fields.notify(null);
    this.afterChange();
  }

  /** Autosave listeners, and validation after a pause in typing: each change moves it on. */
  private afterChange(): void {
    for (const l of this.changeListeners) l(this.answers);
    this.validation.poke(this.opts.validateDelayMs ?? 300);
  }

  private evaluate(): FormState {
    return evaluateForm(this.compiled, this.answers, this.todayOpt());
  }

  private todayOpt(): { today?: string } {
    return this.opts.today ? { today: this.opts.today } : {};
  }

  /** Whether a node is relevant now (also for nodes not on screen, e.g. pages of the paged layout). */
  isRelevant(scope: Scope, name: string): boolean {
    const path = this.pathOf(scope, name);
    return path !== null && this.state.isRelevant(path);
  }

  private snapshotOf(e: Entry): FieldSnapshot {
    const path = this.pathOf(e.scope, e.info.name);
    if (path === null)
      return {
        value: undefined,
        relevant: false,
        error: undefined,
        ids: NO_IDS,
        outputs: null,
        offered: null,
      };
    const node = e.info.node;
    const relevant = this.state.isRelevant(path);
    // Calculations show what the engine computed; everything else shows what was entered (a hidden
    // answer is kept while filling, and dropped by pruneIrrelevant when the record is saved).
    const value =
      node.type === 'calculate'
        ? this.locate.readFrom(this.state.values, e.scope, e.info.name)
        : this.read(e.scope, e.info.name);
    const issue = this.showAll || this.touched.has(e.key) ? this.errors.get(path) : undefined;
    const ids =
      node.type === 'repeat' && Array.isArray(value)
        ? value.map((it) => String((it as { _id?: unknown })._id))
        : NO_IDS;
    return {
      value: node.type === 'repeat' ? undefined : value,
      relevant,
      error: issue && issueText(issue, node, value),
      ids: sameIds(ids, e.snap?.ids ?? NO_IDS) ? (e.snap?.ids ?? NO_IDS) : ids,
      outputs: relevant ? this.outputsOf(e) : null,
      offered:
        relevant && e.info.choiceFilter
          ? this.choicesOf(e.scope, e.info.name)
              .map((c) => c.value)
              .join('\u0000')
          : null,
    };
  }

  /** Output values (`${name}` in texts) seen from the field's own instance, after calculations. */
  private outputsOf(e: Entry): Record<string, string> | null {
    if (!e.info.outputs) return null;
    const frame = this.locate.frame(e.scope, this.state.values);
    if (!frame) return null;
    return outputValues(e.info.outputs, {
      today: this.state.today,
      current: '',
      position: frame.positions.at(-1) ?? 0,
      scope: frame.records,
    });
  }

  private read(scope: Scope, name: string): unknown {
    return this.locate.readFrom(this.answers, scope, name);
  }
}
