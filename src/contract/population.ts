import "../domain/zod-config";
import { z } from "zod/mini";

/** GET/POST /surveys/:id/population: the register's totals the weighted estimates use. */
export const PopulationSummary = z.object({
  surveyId: z.string(),
  /** The single-choice questions the cells are made of; empty when none was uploaded. */
  dimensions: z.array(z.string()),
  cells: z.array(z.object({ cell: z.string(), population: z.number().check(z.int()) })),
  total: z.number().check(z.int()),
  uploadedAt: z.nullable(z.string()),
});
export type PopulationSummary = z.infer<typeof PopulationSummary>;
