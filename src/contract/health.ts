import "../domain/zod-config";
import { z } from "zod/mini";

export const Health = z.object({ ok: z.literal(true), storage: z.enum(["sqlite", "postgres"]) });

export type Health = z.infer<typeof Health>;
