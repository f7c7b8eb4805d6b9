/** How long a kiosk waits, in one place so that the idle flow reads as one story. */
export const KIOSK_TIMING = {
  /** Untouched this long in the middle of a survey: ask whether anyone is still there. */
  idleMs: 120_000,
  /** Then this long to press "continue" before the answers are discarded. */
  warningMs: 30_000,
  /** The thank-you screen, before a fresh survey starts by itself. */
  thanksMs: 10_000,
  /** The staff panel or PIN prompt left open this long closes: a respondent must not find it. */
  staffIdleMs: 60_000,
} as const;
