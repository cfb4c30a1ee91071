import { afterEach, describe, expect, it } from 'vitest';
import { deviceForms, newRecordForm, offeredForms, retiredDeviceForms } from './device-forms.ts';

afterEach(() => retiredDeviceForms.clear());

describe('retired form versions on the device', () => {
  it('are not offered for new records, but stay readable and keep an open draft', () => {
    retiredDeviceForms.add('screening@1');
    expect(offeredForms().map(([k]) => k)).not.toContain('screening@1');
    expect(offeredForms().map(([k]) => k)).toContain('quick-screening@1');
    // A draft begun before the retirement still shows its own form in the picker.
    expect(offeredForms('screening@1').map(([k]) => k)).toContain('screening@1');
    expect(deviceForms.get('screening@1')).toBeDefined();
  });

  it('start a new record on another form when the last one used was retired', () => {
    expect(newRecordForm('screening@1')).toBe('screening@1');
    retiredDeviceForms.add('screening@1');
    const started = newRecordForm('screening@1');
    expect(started).not.toBe('screening@1');
    expect(deviceForms.has(started)).toBe(true);
    expect(newRecordForm('nope@9')).toBe(offeredForms()[0]![0]);
  });
});
