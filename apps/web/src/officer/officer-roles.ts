/**
 * Roles that see the mission's sync picture and export (the server's `export` action). Apart from
 * OfficerViews so the home screen can ask without loading the officer's screens (decision 190).
 */
export const OFFICER_ROLES: ReadonlySet<string> = new Set(['data_officer', 'admin']);
