import { json, organizer, problem, surveyId, unauthorized } from "./parts";

/** Paper returns keyed twice: the forms whose keyings wait, agree or differ. */
export const paperPaths = {
  "/surveys/{id}/paper-forms": {
    get: {
      ...organizer,
      summary:
        "Paper forms and their keyings side by side (data entry): disputed ones by default, or ?status=awaiting|agreed|all; each names the questions whose keyings differ",
      parameters: [
        surveyId,
        {
          name: "status",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["disputed", "awaiting", "agreed", "all"] },
        },
      ],
      responses: {
        "200": json("PaperFormList", "The forms"),
        "400": problem("An unknown status (invalid_query)"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
};
