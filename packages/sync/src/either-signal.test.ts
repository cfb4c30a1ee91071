import { afterEach, describe, expect, it, vi } from 'vitest';
import { eitherSignal } from './fetch-remote.ts';

/**
 * The caller's abort and the timeout together, also where `AbortSignal.any` is missing (WebViews
 * before Chrome 116 / Safari 17.4): the hand-made signal aborts with whichever came first.
 */
describe.each([
  ['AbortSignal.any', false],
  ['no AbortSignal.any (older WebView)', true],
])('eitherSignal with %s', (_, withoutAny) => {
  afterEach(() => vi.unstubAllGlobals());
  const setup = () => {
    if (withoutAny) {
      class OldAbortSignal {}
      vi.stubGlobal('AbortSignal', Object.assign(OldAbortSignal, { any: undefined }));
    }
  };

  it('aborts with the first signal to abort, and its reason', () => {
    const a = new AbortController();
    const b = new AbortController();
    setup();
    const both = eitherSignal(a.signal, b.signal);
    expect(both.aborted).toBe(false);
    b.abort(new Error('timed out'));
    expect(both.aborted).toBe(true);
    expect((both.reason as Error).message).toBe('timed out');
    a.abort(new Error('later'));
    expect((both.reason as Error).message).toBe('timed out');
  });

  it('is aborted at once when a signal already is', () => {
    const a = new AbortController();
    a.abort(new Error('dropped'));
    setup();
    const both = eitherSignal(a.signal, new AbortController().signal);
    expect(both.aborted).toBe(true);
    expect((both.reason as Error).message).toBe('dropped');
  });
});
