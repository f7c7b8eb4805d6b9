/** A published results snapshot as stored (the snapshot as JSON text). */
export interface StoredPublication {
  surveyId: string;
  wave: number;
  publication: number;
  snapshot: string;
  publishedAt: string;
  publishedBy: string | null;
}

/** A publication without its snapshot: what is live. */
export type PublicationKey = Omit<StoredPublication, "snapshot">;

/**
 * Published results (issue 23): each publication is a new row, never rewritten; unpublishing
 * marks every live publication of the wave as taken down.
 */
export interface ResultsStorage {
  /**
   * Stores the snapshot as the wave's next publication, numbered one past the highest so far;
   * `snapshotOf(publication)` makes the JSON once the number is known.
   */
  insertPublication(
    key: { surveyId: string; wave: number; publishedAt: string; publishedBy: string | null },
    snapshotOf: (publication: number) => string,
  ): Promise<number>;
  /** Takes the wave's page down; how many live publications it took down (0: none was live). */
  unpublish(surveyId: string, wave: number, at: string, by: string | null): Promise<number>;
  /** The wave's live publication, the newest, with its snapshot. */
  livePublication(surveyId: string, wave: number): Promise<StoredPublication | undefined>;
  /** Each wave's live publication, newest wave first. */
  livePublications(surveyId: string): Promise<PublicationKey[]>;
}
