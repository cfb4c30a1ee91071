import { z } from 'zod';
import { MissionParams } from './missions.ts';

/** `GET /api/missions/:mission/records/:id`: one record, as stored (a WireDoc). */
export const RecordParams = MissionParams.extend({ id: z.string().min(1).max(200) });

/** `GET /api/missions/:mission/summary`: counts only, no id, no answer. */
export const SummaryResponse = z.object({
  mission: z.string(),
  records: z.number().int(),
  byType: z.record(z.string(), z.number().int()),
});
