/** How many responses one source may have counted in the current window (the rest are held). */
export interface IntakeQuota {
  /** The hour window's first instant, ISO 8601. */
  windowStart: string;
  /** The source's key: a salted hash of an address, or a device. */
  source: string;
  countedLimit: number;
}

/** What one source sent in one window. */
export interface IntakeCount {
  stored: number;
  counted: number;
}

/** The hourly intake counts per source (responses/intake.ts), and the salts that hide addresses. */
export interface IntakeStorage {
  /** The salt of an intake window, made by the first process that asks (`candidate`). */
  intakeSalt(windowStart: string, candidate: string): Promise<string>;
  intakeOf(windowStart: string, source: string): Promise<IntakeCount>;
  /** Forgets intake counts and salts of windows before `before`. */
  pruneIntake(before: string): Promise<void>;
}
