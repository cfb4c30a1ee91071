import type { TernStore } from '@tern/store';
import type { Authorize } from './auth/authorize.ts';
import type { FormLookup } from './validate-doc.ts';

/** What every route plugin is given: explicit dependencies, no globals (see docs/navigating-the-code.md). */
export interface ServerDeps {
  store: TernStore;
  forms: FormLookup;
  missionExists: (mission: string) => boolean;
  authorize: Authorize;
}
