import { createRoot } from 'react-dom/client';
import { useLayoutEffect } from 'react';
import { localize } from '@tern/forms';
import type { FormNode } from '@tern/forms';
import { AnswerStore } from '../src/form/answer-store.ts';
import { benchAnswers, benchForm } from './bench-form.ts';
import { FormBody } from '../src/form/FormBody.tsx';
import '../src/app/styles.css';
import '../src/form/form.css';

/**
 * The benchmark page (tests/bench/form-keystroke.bench.ts): `?mode=react` renders the generated
 * 1,550-input form with the real renderer; `?mode=plain` builds the same inputs as plain HTML with no
 * framework and no script on input, the baseline. `window.__bench` reports when the first frame after
 * rendering is done.
 */
declare global {
  interface Window {
    __bench?: {
      ready: boolean;
      renderMs: number;
      sinceNavigationMs: number;
      inputs: number;
      elements: number;
      validateMs?: () => number;
    };
  }
}

const t0 = performance.now();
const mode = new URLSearchParams(location.search).get('mode') ?? 'react';
const root = document.getElementById('root')!;

/** After the next frame has been produced: rAF runs before it, a message posted from rAF runs after. */
function afterNextFrame(fn: () => void): void {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(null);
  });
}

function report(extra: Partial<NonNullable<Window['__bench']>> = {}): void {
  afterNextFrame(() => {
    const now = performance.now();
    window.__bench = {
      ready: true,
      renderMs: now - t0,
      sinceNavigationMs: now,
      inputs: document.querySelectorAll('input, select, textarea').length,
      elements: document.getElementsByTagName('*').length,
      ...extra,
    };
  });
}

const form = benchForm();
if (mode === 'plain') {
  renderPlain(form.children, root, benchAnswers().rep as Array<{ _id: string }>);
  report();
} else {
  const store = new AnswerStore(form, { answers: benchAnswers() });
  const Bench = () => {
    useLayoutEffect(
      () =>
        report({
          validateMs: () => {
            const t = performance.now();
            store.validateNow();
            return performance.now() - t;
          },
        }),
      [],
    );
    return <FormBody store={store} lang="en" layout="whole" onSave={async () => {}} />;
  };
  createRoot(root).render(<Bench />);
}

/** The same questions as plain labelled inputs, fieldsets and legends: the browser's own cost. */
function renderPlain(
  nodes: readonly FormNode[],
  parent: HTMLElement,
  instances: Array<{ _id: string }>,
): void {
  const form = document.createElement('form');
  form.className = 'form';
  const add = (list: readonly FormNode[], into: HTMLElement, prefix: string) => {
    for (const n of list) {
      const id = `q-${prefix}${n.name}`;
      const label = localize(n.label, 'en', 'en');
      if (n.type === 'group' || n.type === 'repeat') {
        if (n.type === 'repeat') {
          const section = document.createElement('section');
          section.className = 'repeat';
          section.append(Object.assign(document.createElement('h3'), { textContent: label }));
          instances.forEach((it, i) => {
            const fs = document.createElement('fieldset');
            fs.className = 'instance';
            fs.append(Object.assign(document.createElement('legend'), { textContent: `${label} ${i + 1}` }));
            add(n.children, fs, `${n.name}-${it._id}-`);
            section.append(fs);
          });
          into.append(section);
          continue;
        }
        const fs = document.createElement('fieldset');
        fs.className = 'group';
        fs.append(Object.assign(document.createElement('legend'), { textContent: label }));
        add(n.children, fs, prefix);
        into.append(fs);
        continue;
      }
      if (n.type === 'select_one' || n.type === 'select_multiple') {
        const fs = document.createElement('fieldset');
        fs.className = 'question choices';
        fs.append(Object.assign(document.createElement('legend'), { textContent: label }));
        for (const c of n.choices ?? []) {
          const l = document.createElement('label');
          l.className = 'choice';
          const input = document.createElement('input');
          input.type = n.type === 'select_one' ? 'radio' : 'checkbox';
          input.name = id;
          input.value = c.value;
          l.append(input, ` ${localize(c.label, 'en', 'en')}`);
          fs.append(l);
        }
        into.append(fs);
        continue;
      }
      const div = document.createElement('div');
      div.className = 'question';
      const l = document.createElement('label');
      l.htmlFor = id;
      l.textContent = label;
      const input = document.createElement('input');
      input.id = id;
      input.type = n.type === 'date' ? 'date' : 'text';
      div.append(l, input);
      into.append(div);
    }
  };
  add(nodes, form, '');
  parent.append(form);
}
