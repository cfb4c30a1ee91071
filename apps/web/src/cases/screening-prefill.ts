import type { CaseBody } from '@tern/cases';

/**
 * What the Screening form starts with for a case just opened (issue 16: "name and date of birth typed
 * in New case are asked again; the interview date is not pre-filled"): today's date as the interview
 * date, the date of birth, and the name split into first and family name — only when it is exactly
 * two words, since no rule splits "María José García López" or an Arabic name with its nasab right;
 * a longer name is left for the interviewer to split. Every value stays editable.
 */
export function screeningPrefill(pii: CaseBody['pii'] | undefined, today: string): Record<string, string> {
  const out: Record<string, string> = { interview_date: today };
  if (pii?.birthDate && pii.birthDate <= today) out.prs_Birthdate = pii.birthDate;
  const words = (pii?.fullName ?? '').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 2) {
    out.prs_FirstName = words[0]!;
    out.prs_SecondName = words[1]!;
  }
  return out;
}

/** Today on the device's calendar (local date, not UTC: an interview at 01:00 in Manila is today). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
