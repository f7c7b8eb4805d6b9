import { json, organizer, problem, surveyId, unauthorized, wave } from "./parts";

/** The register's population totals for weighted estimates. */
export const populationPaths = {
  "/surveys/{id}/population": {
    get: {
      ...organizer,
      summary: "The population totals the weighted estimates use (empty when none was uploaded)",
      parameters: [surveyId],
      responses: {
        "200": json("PopulationSummary", "The stored totals"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
    post: {
      ...organizer,
      summary:
        "Replace the population totals from CSV: a header of single-choice question ids (age group, sex) and population, one row a cell by option id",
      parameters: [
        surveyId,
        {
          ...wave,
          description:
            "The fiscal year whose respondents must each have a cell with a population; omitted: every wave's. The totals are kept per survey",
        },
      ],
      requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
      responses: {
        "200": json("PopulationSummary", "Stored"),
        "400": problem("Bad wave"),
        ...unauthorized,
        "404": problem("No such survey"),
        "413": problem("Larger than 256 KiB"),
        "422": problem(
          "Not valid (invalid_population_csv: every problem with its line and column), or population_cells_missing: each cell with respondents that the file leaves out or gives 0, named; nothing was stored",
        ),
      },
    },
  },
};
