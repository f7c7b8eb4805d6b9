/** A survey's population totals for post-stratification: cell key ("age_30_39|female") → people. */
export interface PopulationTotals {
  /** The single-choice question ids the cells are made of, in the key's order. */
  dimensions: string[];
  cells: Map<string, number>;
  uploadedAt: string;
}

/**
 * Totals as read for a wave: that wave's own (`wave` the fiscal year), or the survey-wide ones
 * stored before totals were kept per wave (`wave` null), which stand for a wave with none of its own.
 */
export interface StoredPopulation extends PopulationTotals {
  wave: number | null;
}

/** One set of totals stored for a survey: a wave's, or the survey-wide one (`wave` null). */
export interface PopulationSet {
  wave: number | null;
  dimensions: string[];
  cells: number;
  total: number;
  uploadedAt: string;
}

/** The register's population totals of each survey and wave, for weighted estimates. */
export interface PopulationStorage {
  /** Replaces the survey's population totals of one wave in one transaction. */
  replacePopulation(surveyId: string, wave: number, totals: PopulationTotals): Promise<void>;
  /** The wave's own totals, else the survey-wide ones (wave null: only those), else undefined. */
  populationOf(surveyId: string, wave: number | null): Promise<StoredPopulation | undefined>;
  /** Every set of totals stored for the survey: the survey-wide one first, then by wave. */
  populationSets(surveyId: string): Promise<PopulationSet[]>;
}
