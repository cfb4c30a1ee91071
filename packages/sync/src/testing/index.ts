export { MemoryServer } from './memory-server.ts';
export { storageConformance } from './storage-conformance.ts';
export type { DeviceFactory, DeviceUnderTest } from './storage-conformance.ts';
