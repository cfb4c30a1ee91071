import { StoreError } from './errors.ts';

/** Mission ids name databases (and folders on disk), so they are kept to a safe alphabet. */
export const MISSION_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function assertMissionId(mission: string): void {
  if (!MISSION_ID.test(mission)) {
    throw new StoreError(
      'TERN_STORE_BAD_MISSION',
      `Invalid mission id ${JSON.stringify(mission)}: use 1-63 lowercase letters, digits and '-'`,
    );
  }
}
