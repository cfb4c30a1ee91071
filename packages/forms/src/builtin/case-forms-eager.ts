import type { FormDefinition } from '../definition.ts';
import { CASE_FORMS } from './case-forms.ts';

/** Node (server, exports, tools, tests): the case forms are there from the start. */
export const INITIAL_CASE_FORMS: readonly FormDefinition[] = CASE_FORMS;
