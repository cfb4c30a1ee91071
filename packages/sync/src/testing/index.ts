export { MemoryServer } from './memory-server.ts';
export { purgeConformance, storageConformance } from './storage-conformance.ts';
export type { DeviceFactory, DeviceUnderTest } from './storage-conformance.ts';
