import { isStoreError } from '@tern/store';
import type { SystemDb, SystemDoc } from '@tern/store';
import { TernError } from '../errors.ts';
import { hashPassword } from './password.ts';
import type { Principal, Role } from './roles.ts';
import { missionless } from './roles.ts';
import type { ResearchGrant } from '../research/grants.ts';
import type { ProfileGrants } from '../profiles/profile-grants.ts';

export interface AccountDoc extends SystemDoc {
  type: 'user';
  username: string;
  role: Role;
  missions: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** A researcher's missions for research (research/grants.ts); absent: none. */
  researchGrant?: ResearchGrant;
  /** Roles on countries' Migration Profiles (profiles/profile-grants.ts, decision 154); absent: none. */
  profileGrants?: ProfileGrants;
}

/** What an account looks like outside the server: never the password hash. */
export interface PublicAccount {
  username: string;
  role: Role;
  missions: string[];
  disabled: boolean;
  createdAt: string;
  createdBy: string;
}

export const publicAccount = (a: AccountDoc): PublicAccount => ({
  username: a.username,
  role: a.role,
  missions: a.missions,
  disabled: a.disabled,
  createdAt: a.createdAt,
  createdBy: a.createdBy,
});

export const principalOf = (a: AccountDoc): Principal => ({
  username: a.username,
  role: a.role,
  missions: missionless(a.role) ? [] : a.missions,
  ...(a.profileGrants?.grants.length ? { profiles: a.profileGrants.grants } : {}),
});

const idOf = (username: string) => `user:${username}`;

/** Accounts in the system database, one document `user:<username>` each. */
export class Accounts {
  constructor(
    private readonly sys: SystemDb,
    private readonly now: () => number,
  ) {}

  get(username: string): Promise<AccountDoc | undefined> {
    return this.sys.get<AccountDoc>(idOf(username));
  }

  list(): Promise<AccountDoc[]> {
    return this.sys.list<AccountDoc>('user:');
  }

  async create(
    input: { username: string; password: string; role: Role; missions: string[] },
    createdBy: string,
  ): Promise<AccountDoc> {
    if (await this.get(input.username))
      throw new TernError('TERN_CONFLICT', `An account named ${JSON.stringify(input.username)} exists`);
    const at = new Date(this.now()).toISOString();
    const doc: AccountDoc = {
      _id: idOf(input.username),
      type: 'user',
      username: input.username,
      role: input.role,
      missions: missionless(input.role) ? [] : [...new Set(input.missions)],
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: at,
      createdBy,
      updatedAt: at,
    };
    try {
      await this.sys.create(doc);
    } catch (e) {
      if (isStoreError(e, 'TERN_STORE_CONFLICT'))
        throw new TernError('TERN_CONFLICT', `An account named ${JSON.stringify(input.username)} exists`);
      throw e;
    }
    return doc;
  }

  async update(
    username: string,
    change: { password?: string; disabled?: boolean; missions?: string[]; role?: Role },
  ): Promise<AccountDoc> {
    const doc = await this.get(username);
    if (!doc) throw new TernError('TERN_USER_NOT_FOUND', `No account named ${JSON.stringify(username)}`);
    const next: AccountDoc = {
      ...doc,
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.missions !== undefined ? { missions: [...new Set(change.missions)] } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
      updatedAt: new Date(this.now()).toISOString(),
    };
    if (missionless(next.role)) next.missions = [];
    // A grant belongs to the researcher role: an account that leaves it loses the grant.
    if (next.role !== 'researcher') delete next.researchGrant;
    await this.sys.put(next);
    return next;
  }

  /** Replace an account's profile grants (the route checks who asks and the countries). */
  async setProfileGrants(username: string, grants: ProfileGrants): Promise<AccountDoc> {
    const doc = await this.get(username);
    if (!doc) throw new TernError('TERN_USER_NOT_FOUND', `No account named ${JSON.stringify(username)}`);
    const next: AccountDoc = { ...doc, profileGrants: grants, updatedAt: new Date(this.now()).toISOString() };
    await this.sys.put(next);
    return next;
  }

  /** Replace a researcher's grant (the route checks the role and the missions). */
  async setResearchGrant(username: string, grant: ResearchGrant): Promise<AccountDoc> {
    const doc = await this.get(username);
    if (!doc) throw new TernError('TERN_USER_NOT_FOUND', `No account named ${JSON.stringify(username)}`);
    const next: AccountDoc = { ...doc, researchGrant: grant, updatedAt: new Date(this.now()).toISOString() };
    await this.sys.put(next);
    return next;
  }
}
