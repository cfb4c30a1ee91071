import { describe, expect, it } from 'vitest';
import { localToday, screeningPrefill } from './screening-prefill.ts';

describe('the Screening of a new case starts from what New case asked', () => {
  it('fills the interview date, the date of birth and a two-word name', () => {
    expect(screeningPrefill({ fullName: ' Amara  Okonkwo ', birthDate: '1996-04-02' }, '2026-12-02')).toEqual(
      {
        interview_date: '2026-12-02',
        prs_Birthdate: '1996-04-02',
        prs_FirstName: 'Amara',
        prs_SecondName: 'Okonkwo',
      },
    );
  });

  it('does not guess how to split a longer or one-word name, and leaves a missing date of birth out', () => {
    expect(screeningPrefill({ fullName: 'María José García López' }, '2026-12-02')).toEqual({
      interview_date: '2026-12-02',
    });
    expect(screeningPrefill({ fullName: 'Layla' }, '2026-12-02')).toEqual({ interview_date: '2026-12-02' });
    expect(screeningPrefill(undefined, '2026-12-02')).toEqual({ interview_date: '2026-12-02' });
  });

  it('leaves out a date of birth after today (the form would reject it; the interviewer types it again)', () => {
    expect(screeningPrefill({ fullName: 'A B', birthDate: '2030-01-01' }, '2026-12-02')).not.toHaveProperty(
      'prs_Birthdate',
    );
  });

  it("today is the device's local calendar day", () => {
    expect(localToday(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
  });
});
