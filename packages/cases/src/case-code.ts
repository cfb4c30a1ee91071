/**
 * Human-readable case codes made offline that never collide between devices of a mission:
 * `<MISSION>-<device number>-<counter>-<check>`, e.g. `DEMO-07-0042-K`.
 * The device number is handed out once per mission by the server when the device first logs in
 * online (unique per mission); the counter is local to the device. The check character (Luhn mod N over
 * digits and letters) catches a mistyped code when someone reads it over the phone.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const N = ALPHABET.length;

export function checkChar(payload: string): string {
  const chars = payload.toUpperCase().replace(/[^0-9A-Z]/g, '');
  let factor = 2;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const code = ALPHABET.indexOf(chars[i]!);
    if (code < 0) throw new RangeError(`Character ${chars[i]} is not allowed in a case code`);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

export function caseCode(missionCode: string, deviceNumber: number, counter: number): string {
  if (!/^[A-Z0-9]{2,8}$/.test(missionCode))
    throw new RangeError(`Mission code ${missionCode} must be 2-8 letters or digits`);
  if (!Number.isInteger(deviceNumber) || deviceNumber < 1 || deviceNumber > 9999)
    throw new RangeError('Device number must be 1-9999');
  if (!Number.isInteger(counter) || counter < 1 || counter > 999_999)
    throw new RangeError('Case counter must be 1-999999');
  const payload = `${missionCode}-${String(deviceNumber).padStart(2, '0')}-${String(counter).padStart(4, '0')}`;
  return `${payload}-${checkChar(payload)}`;
}

/** Whether a typed code is well formed and its check character matches. */
export function isValidCaseCode(code: string): boolean {
  const m = /^([A-Z0-9]{2,8}-\d{2,4}-\d{4,6})-([0-9A-Z])$/.exec(code.trim().toUpperCase());
  if (!m) return false;
  return checkChar(m[1]!) === m[2];
}
