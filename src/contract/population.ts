import "../domain/zod-config";
import { z } from "zod/mini";

/**
 * Where a wave's totals come from: its own upload (`wave`), the survey-wide totals stored before
 * totals were kept per wave and standing for a wave without its own (`survey_wide`), or none.
 */
export const POPULATION_SOURCES = ["wave", "survey_wide", "none"] as const;
export const PopulationSource = z.enum(POPULATION_SOURCES);
export type PopulationSource = z.infer<typeof PopulationSource>;

/** GET /surveys/:id/population?wave= and POST's answer: the register's totals one wave's weighted estimates use. */
export const PopulationSummary = z.object({
  surveyId: z.string(),
  /** The fiscal year asked for. */
  wave: z.number().check(z.int()),
  source: PopulationSource,
  /** The single-choice questions the cells are made of; empty when the wave has no totals. */
  dimensions: z.array(z.string()),
  cells: z.array(z.object({ cell: z.string(), population: z.number().check(z.int()) })),
  total: z.number().check(z.int()),
  uploadedAt: z.nullable(z.string()),
});
export type PopulationSummary = z.infer<typeof PopulationSummary>;

/** One set of stored totals: a wave's own, or the survey-wide one (`wave` null). */
export const PopulationSet = z.object({
  wave: z.nullable(z.number().check(z.int())),
  dimensions: z.array(z.string()),
  cells: z.number().check(z.int()),
  total: z.number().check(z.int()),
  uploadedAt: z.string(),
});
export type PopulationSet = z.infer<typeof PopulationSet>;

/** GET /surveys/:id/population (no wave): which waves have totals, and when each was uploaded. */
export const PopulationSets = z.object({
  surveyId: z.string(),
  /** The survey-wide set first (if any), then by wave, oldest first. */
  sets: z.array(PopulationSet),
});
export type PopulationSets = z.infer<typeof PopulationSets>;
