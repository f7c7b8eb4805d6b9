/** One published version of a survey as stored: the definition and its changes as JSON text. */
export interface StoredVersion {
  surveyId: string;
  version: number;
  /** The definition's JSON (SurveyDefinition, publishedAt included). */
  definition: string;
  publishedAt: string;
  publishedBy: string | null;
  /** JSON list of DefinitionChanges from the version before. */
  changes: string;
}

/** Published survey versions: written once, never changed (DESIGN "The survey workbook"). */
export interface VersionStorage {
  /**
   * Stores a version unless that survey already has that version number: true when this call stored
   * it, false when it was there (the stored one is left as it is, whatever this one holds).
   */
  insertVersion(version: StoredVersion): Promise<boolean>;
  /** Every stored (survey, version), for a process to learn what others published. */
  versionKeys(): Promise<{ surveyId: string; version: number }[]>;
  versionOf(surveyId: string, version: number): Promise<StoredVersion | undefined>;
  /** Every version of one survey, newest first. */
  versionsOf(surveyId: string): Promise<StoredVersion[]>;
}
