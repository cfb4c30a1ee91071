import { describe, expect, it } from 'vitest';
import { FeedGate, isRefusal } from './feed-gate.ts';
import type { FeedTicket } from './feed-gate.ts';

describe('FeedGate', () => {
  it('caps per account and in total, and frees a place when a feed leaves (once)', () => {
    const gate = new FeedGate({ perAccount: 2, total: 3, retryAfterSeconds: 5 });
    const a1 = gate.enter('alice') as FeedTicket;
    gate.enter('alice');
    expect(gate.enter('alice')).toMatchObject({ refused: 'account', limit: 2 });
    gate.enter('bob');
    expect(gate.enter('bob')).toMatchObject({ refused: 'total', limit: 3 });
    a1.leave();
    a1.leave(); // a second leave must not free another place
    expect(gate.size).toBe(2);
    expect(isRefusal(gate.enter('bob'))).toBe(false);
    expect(isRefusal(gate.enter('carol'))).toBe(true);
  });

  it('aborts every held feed at shutdown, and feeds entered later at once', () => {
    const gate = new FeedGate({ perAccount: 5, total: 5, retryAfterSeconds: 5 });
    const held = gate.enter('alice') as FeedTicket;
    gate.closeAll();
    expect(held.signal.aborted).toBe(true);
    expect((gate.enter('bob') as FeedTicket).signal.aborted).toBe(true);
  });
});
