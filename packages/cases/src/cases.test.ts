import { describe, expect, it } from 'vitest';
import {
  CaseBody,
  CaseTransitionError,
  caseCode,
  changeStatus,
  checkChar,
  isValidCaseCode,
} from './index.ts';
import { sampleCase } from './sample-case.ts';

const at = (n: number) => `2026-11-${String(10 + n).padStart(2, '0')}T10:00:00.000Z`;
const newCase = (): CaseBody =>
  sampleCase({
    history: [{ _id: '01J0000000000000000000000A', from: null, to: 'screening', by: 'u1', at: at(0) }],
    createdAt: at(0),
  });
describe('case codes', () => {
  it('are readable, padded and carry a check character', () => {
    expect(caseCode('DEMO', 7, 42)).toMatch(/^DEMO-07-0042-[0-9A-Z]$/);
    expect(isValidCaseCode(caseCode('DEMO', 7, 42))).toBe(true);
  });
  it('differ between devices and counters', () => {
    const codes = new Set<string>();
    for (let d = 1; d <= 20; d++) for (let n = 1; n <= 50; n++) codes.add(caseCode('DEMO', d, n));
    expect(codes.size).toBe(1000);
  });
  it('catch a single mistyped character or swapped neighbours', () => {
    const good = caseCode('NIG', 12, 345);
    const payload = good.slice(0, -2);
    expect(checkChar(payload.replace('345', '346'))).not.toBe(good.at(-1));
    expect(checkChar(payload.replace('345', '354'))).not.toBe(good.at(-1));
    expect(isValidCaseCode(good.slice(0, -1) + (good.at(-1) === 'A' ? 'B' : 'A'))).toBe(false);
  });
  it('refuse bad parts', () => {
    expect(() => caseCode('demo!', 1, 1)).toThrow(/Mission code/);
    expect(() => caseCode('DEMO', 0, 1)).toThrow(/Device number/);
    expect(() => caseCode('DEMO', 1, 0)).toThrow(/counter/);
  });
});

describe('case status changes', () => {
  it('follow the lifecycle and record who, when and why', () => {
    let c = newCase();
    c = changeStatus(c, 'eligible', { by: 'u1', at: at(1), id: 'h1' });
    c = changeStatus(c, 'assisted', { by: 'u2', at: at(2), id: 'h2' });
    c = changeStatus(c, 'returned', { by: 'u2', at: at(3), id: 'h3' });
    c = changeStatus(c, 'reintegrated', { by: 'u2', at: at(4), id: 'h4' });
    c = changeStatus(c, 'closed', { by: 'u3', at: at(5), id: 'h5', reason: 'Follow-up complete' });
    expect(c.history.map((h) => h.to)).toEqual([
      'screening',
      'eligible',
      'assisted',
      'returned',
      'reintegrated',
      'closed',
    ]);
    expect(c.history.at(-1)).toMatchObject({ from: 'reintegrated', by: 'u3', reason: 'Follow-up complete' });
    expect(c.updatedBy).toBe('u3');
  });
  it('reopen a closed case to where it was', () => {
    let c = changeStatus(newCase(), 'eligible', { by: 'u', at: at(1), id: 'h1' });
    c = changeStatus(c, 'closed', { by: 'u', at: at(2), id: 'h2', reason: 'Lost contact' });
    expect(() => changeStatus(c, 'assisted', { by: 'u', at: at(3), id: 'h3', reason: 'Found' })).toThrow(
      /reopens to the status it had before closing \(eligible\)/,
    );
    expect(
      changeStatus(c, 'eligible', { by: 'u', at: at(3), id: 'h3', reason: 'Contact again' }).status,
    ).toBe('eligible');
  });
  it('refuse skipped steps, no-ops and missing reasons with a clear message', () => {
    const c = newCase();
    expect(() => changeStatus(c, 'returned', { by: 'u', at: at(1), id: 'x' })).toThrow(
      /cannot go from screening to returned/,
    );
    expect(() => changeStatus(c, 'screening', { by: 'u', at: at(1), id: 'x' })).toThrow(/already screening/);
    expect(() => changeStatus(c, 'not_eligible', { by: 'u', at: at(1), id: 'x' })).toThrow(
      CaseTransitionError,
    );
  });
  it('reject a case body without a name or with a bad status', () => {
    expect(CaseBody.safeParse({ ...newCase(), pii: {} }).success).toBe(false);
    expect(CaseBody.safeParse({ ...newCase(), status: 'lost' }).success).toBe(false);
  });
});
