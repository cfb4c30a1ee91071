// The hostile-input suite's building blocks, for its real-process layer in tests/fault (decision 095).
export { leavesFromOpenRevs } from './doc-recipes.ts';
export type { LeafDoc, Target, World } from './doc-recipes.ts';
export { SEED } from './fuzz-config.ts';
export { Deep } from './hostile-values.ts';
export { DEVICE, DocRef, deviceOf, describe, materializeRequest } from './request-recipe.ts';
export type { Caller, RequestRecipe } from './request-recipe.ts';
export { generatorFor } from './route-generators.ts';
export { listRoutes } from './route-table.ts';
export { HostileHarness } from './hostile-harness.ts';
export { FuzzWorld } from './fuzz-world.ts';
