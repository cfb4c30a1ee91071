import type { FormDefinition } from '../definition.ts';
import { quickScreening } from './quick-screening.ts';

export { quickScreening };

/** Built-in forms by `id@version`, the key stored in every submission. */
export const builtinForms: ReadonlyMap<string, FormDefinition> = new Map(
  [quickScreening].map((f) => [`${f.id}@${f.version}`, f]),
);
