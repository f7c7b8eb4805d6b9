import { json, organizer, problem, ref, surveyId, unauthorized, wave } from "./parts";

/** The register's population totals for weighted estimates, per wave (fiscal year). */
export const populationPaths = {
  "/surveys/{id}/population": {
    get: {
      ...organizer,
      summary:
        "With ?wave=: the totals that wave's weighted estimates use (its own, the survey-wide ones stored before totals were kept per wave, or none: `source`). Without: every set stored and when it was uploaded",
      parameters: [
        surveyId,
        {
          ...wave,
          description:
            "Fiscal year (年度, April–March in Asia/Tokyo) whose totals to read; omitted: the list of sets (PopulationSets)",
        },
      ],
      responses: {
        "200": {
          description: "PopulationSummary with ?wave=, PopulationSets without",
          content: {
            "application/json": { schema: { oneOf: [ref("PopulationSummary"), ref("PopulationSets")] } },
          },
        },
        "400": problem("Bad wave"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
    post: {
      ...organizer,
      summary:
        "Replace one wave's population totals from CSV: a header of single-choice question ids (age group, sex) and population, one row a cell by option id",
      parameters: [
        surveyId,
        {
          ...wave,
          required: true,
          description:
            "The fiscal year whose register the totals are: its weighted estimates use them, and each of its respondents must have a cell with a population",
        },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
      responses: {
        "200": json("PopulationSummary", "Stored as the wave's totals"),
        "400": problem("invalid_query: wave missing or not a four-digit fiscal year; nothing was stored"),
        ...unauthorized,
        "404": problem("No such survey"),
        "413": problem("Larger than 256 KiB"),
        "422": problem(
          "Not valid (invalid_population_csv: every problem with its line and column), or population_cells_missing: each cell with respondents in the wave that the file leaves out or gives 0, named; nothing was stored",
        ),
      },
    },
  },
};
