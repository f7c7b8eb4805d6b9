import { blanks, csvDownload, json, labels, organizer, problem, surveyId, unauthorized, wave } from "./parts";

/** A survey's results for its organizer: tallies, CSV tables, choice shares, counts and the trend. */
export const tallyPaths = {
  "/surveys/{id}/tallies": {
    get: {
      ...organizer,
      summary: "Each indicator's n, positive, percent, Wilson 95% interval, target and verdict",
      parameters: [
        surveyId,
        wave,
        {
          name: "by",
          in: "query",
          required: false,
          description:
            "A single-choice question id, or mode or event, to break down by; groups below minCell are suppressed, and a second one where a total or another wave would give a hidden one back",
          schema: { type: "string" },
        },
        blanks,
      ],
      responses: {
        "200": json("Tallies", "The tallies"),
        "400": problem("Bad wave, by or blanks"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
  "/surveys/{id}/tallies.csv": csvDownload(
    "The tallies as CSV (UTF-8 with BOM, CRLF, RFC 4180, formula-like cells neutralised): each indicator's total, then its groups; series_break_from_wave and series_break (reason codes, ;-separated) on every row of an indicator whose series breaks into the wave (or, every wave pooled, between any two of them); weighted_population_wave on each total row: the fiscal year whose register totals weighted it, survey_wide, or not_pooled (every wave pooled while waves have totals of their own: no weighted estimate); with labels, the label in that language and short_label, by_label and group_label beside what they word",
    [
      surveyId,
      wave,
      { name: "by", in: "query", required: false, schema: { type: "string" } },
      blanks,
      labels,
    ],
    "Bad wave, by or blanks, or labels not a language of the survey (unknown_locale)",
  ),
  "/surveys/{id}/policy.csv": csvDownload(
    "The operating-policy table (指標 / 目標 / 実績 / 達成状況) as CSV, UTF-8 with BOM",
    [surveyId, wave],
    "Bad wave",
  ),
  "/surveys/{id}/choices": {
    get: {
      ...organizer,
      summary:
        "The share choosing each option of a choice question, over the respondents who saw and answered it",
      parameters: [
        surveyId,
        wave,
        {
          name: "question",
          in: "query",
          required: true,
          description: "A multiple-choice question id",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": json("ChoiceShares", "The shares"),
        "400": problem("Bad wave or question"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
  "/surveys/{id}/counts": {
    get: {
      ...organizer,
      summary:
        "Stored responses per day of submittedAt in Asia/Tokyo, per event, per kiosk device and per survey version; events the tallies' by=event hides, or below minCell, and their devices carry n null and suppressed true",
      parameters: [surveyId, wave],
      responses: {
        "200": json("ResponseCounts", "The counts"),
        "400": problem("Bad wave"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
  "/surveys/{id}/trend": {
    get: {
      ...organizer,
      summary:
        "Each indicator per wave, with the change from the previous wave, Newcombe's 95% interval and whether it exceeds it; where the indicator's definition differs between versions answered in the two waves (question, its options, positive or excluded options), seriesBreak gives the previous wave and the reason codes, and change is null",
      parameters: [surveyId],
      responses: {
        "200": json("Trend", "The trend"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
};
