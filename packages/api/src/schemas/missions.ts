import { z } from 'zod';
import { MissionId } from './common.ts';

/** A mission as the API shows it: its device key never leaves through these routes. */
export const Mission = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type Mission = z.infer<typeof Mission>;

/** `POST /api/missions`. */
export const CreateMissionRequest = z
  .object({ id: MissionId, name: z.string().min(1).max(200).optional() })
  .strict();

/** `PATCH /api/missions/:mission`: a new name (the id never changes: it is in every record). */
export const UpdateMissionRequest = z.object({ name: z.string().trim().min(1).max(200) }).strict();

export const MissionResponse = z.object({ mission: Mission });
export const MissionListResponse = z.object({ missions: z.array(Mission) });
export type MissionListResponse = z.infer<typeof MissionListResponse>;

/** `/api/missions/:mission/…` */
export const MissionParams = z.object({ mission: MissionId });
