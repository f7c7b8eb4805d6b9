/** A survey's population totals for post-stratification: cell key ("age_30_39|female") → people. */
export interface PopulationTotals {
  /** The single-choice question ids the cells are made of, in the key's order. */
  dimensions: string[];
  cells: Map<string, number>;
  uploadedAt: string;
}

/** The register's population totals of each survey, for weighted estimates. */
export interface PopulationStorage {
  /** Replaces the survey's population totals in one transaction. */
  replacePopulation(surveyId: string, totals: PopulationTotals): Promise<void>;
  populationOf(surveyId: string): Promise<PopulationTotals | undefined>;
}
