import {
  DatasetListResponse,
  DatasetResponse,
  DatasetSummary,
  RunListResponse,
  RunResponse,
  RunSummary,
  apiResponse,
  fetchJson,
} from '@tern/api';
import type { DatasetCreateRequest, RunCreateRequest } from '@tern/api';

/**
 * The projection API (packages/api/src/schemas/demography.ts) as the workspace uses it. Answers are
 * checked against the shared schemas; a refusal arrives as an ApiError with the server's code and
 * details (an import's rejected rows).
 */
export const listDatasets = async () =>
  (await fetchJson('/api/demography/datasets', { schema: DatasetListResponse })).datasets;

export const getDataset = (id: string) =>
  fetchJson(`/api/demography/datasets/${encodeURIComponent(id)}`, { schema: DatasetResponse });

export const createDataset = (body: DatasetCreateRequest) =>
  fetchJson('/api/demography/datasets', { json: body, schema: DatasetSummary });

export const listRuns = async () =>
  (await fetchJson('/api/demography/runs', { schema: RunListResponse })).runs;

export const getRun = (id: string) =>
  fetchJson(`/api/demography/runs/${encodeURIComponent(id)}`, { schema: RunResponse });

export const saveRun = (body: RunCreateRequest) =>
  fetchJson('/api/demography/runs', { json: body, schema: RunSummary });

export const deleteRun = async (id: string): Promise<void> => {
  await apiResponse(`/api/demography/runs/${encodeURIComponent(id)}`, { method: 'DELETE' });
};

/** A file's bytes as base64 (the workbook travels in JSON). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
