import { describe, expect, it } from 'vitest';
import { freshIvs, seal, unseal } from './sealed.ts';

// IVs for a pulled page are drawn in one call per 5,000 (decision 227); AES-GCM is only safe with a
// fresh IV per encryption under one key, so each must be distinct, 12 bytes, in a buffer of its own.
describe('freshIvs', () => {
  it('gives n distinct 12-byte IVs, each in its own buffer, past the 65,536-byte limit of one draw', () => {
    const ivs = freshIvs(12_001);
    expect(ivs).toHaveLength(12_001);
    for (const iv of ivs) {
      expect(iv.byteLength).toBe(12);
      expect(iv.buffer.byteLength).toBe(12);
    }
    expect(new Set(ivs.map((iv) => Array.from(iv).join(','))).size).toBe(12_001);
    expect(freshIvs(0)).toEqual([]);
  });

  it('seals with a given IV, opens with the key, and refuses an IV that is a view into a larger buffer', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const [iv] = freshIvs(1);
    const sealed = await seal(key, 'case:1', '1-a', { answers: { name: 'Amal' } }, iv);
    expect(sealed.iv).toBe(iv);
    expect(await unseal(key, 'case:1', '1-a', sealed)).toEqual({ answers: { name: 'Amal' } });
    const shared = new Uint8Array(24).subarray(0, 12);
    await expect(seal(key, 'case:1', '1-a', {}, shared)).rejects.toThrow(/12 bytes in a buffer of its own/);
  });
});
