import type { FormDefinition } from '../definition.ts';
import { assistance } from './assistance.ts';
import { quickScreening } from './quick-screening.ts';
import { screening } from './screening.ts';

export { assistance, quickScreening, screening };

/** Built-in forms by `id@version`, the key stored in every submission. */
export const builtinForms: ReadonlyMap<string, FormDefinition> = new Map(
  [quickScreening, screening, assistance].map((f) => [`${f.id}@${f.version}`, f]),
);
