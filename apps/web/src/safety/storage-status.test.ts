import { describe, expect, it } from 'vitest';
import { storageNeedsAttention } from './storage-status.ts';

const roomy = { usage: 10e6, quota: 1e9 };

describe('when the device storage panel opens by itself', () => {
  it('stays closed when the browser keeps the data or nothing exists only here', () => {
    expect(storageNeedsAttention({ persisted: true, ...roomy }, 40)).toBe(false);
    expect(storageNeedsAttention({ persisted: false, ...roomy }, 0)).toBe(false);
    expect(storageNeedsAttention({ persisted: null, usage: null, quota: null }, 0)).toBe(false);
  });

  it('opens when unsynced records sit on a browser that may evict them', () => {
    expect(storageNeedsAttention({ persisted: false, ...roomy }, 1)).toBe(true);
    expect(storageNeedsAttention({ persisted: null, usage: null, quota: null }, 3)).toBe(true);
  });

  it('opens when less than a tenth of the quota is left, even with persistence granted', () => {
    expect(storageNeedsAttention({ persisted: true, usage: 950e6, quota: 1e9 }, 0)).toBe(true);
    expect(storageNeedsAttention({ persisted: true, usage: 850e6, quota: 1e9 }, 0)).toBe(false);
  });
});
