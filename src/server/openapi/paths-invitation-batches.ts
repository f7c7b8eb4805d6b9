import { json, jsonBody, organizer, problem, surveyId, unauthorized } from "./parts";

const batchId = { name: "batchId", in: "path", required: true, schema: { type: "string" } };
const noBatch = { "404": problem("No such survey, or no such batch of it (invitation_batch_not_found)") };
const csv = (description: string) => ({
  description,
  content: { "text/csv": { schema: { type: "string" } } },
});

/** The mailed sample's invitation codes and its response rate. */
export const invitationBatchPaths = {
  "/surveys/{id}/invitations": {
    post: {
      ...organizer,
      summary:
        "Make a batch of invitation codes for one mailing of a wave (admin): 8 characters and a check character each, from crypto randomness",
      parameters: [surveyId],
      requestBody: jsonBody("NewInvitationBatchRequest"),
      responses: {
        "201": json("InvitationBatchCreated", "The batch's id and how many codes it has"),
        "400": problem("Malformed body (which field in problems)"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
    get: {
      ...organizer,
      summary: "The survey's invitation batches, oldest first (admin)",
      parameters: [surveyId],
      responses: {
        "200": json("InvitationBatchList", "The batches"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
  "/surveys/{id}/invitations/{batchId}.csv": {
    get: {
      ...organizer,
      summary: "The batch's codes for the mail merge: code, personal URL (admin; in the audit log)",
      parameters: [surveyId, batchId],
      responses: { "200": csv("code,url; UTF-8 with BOM, CRLF"), ...unauthorized, ...noBatch },
    },
  },
  "/surveys/{id}/invitations/{batchId}/unused.csv": {
    get: {
      ...organizer,
      summary: "The batch's codes not used yet, for the reminder postcard (admin; in the audit log)",
      parameters: [surveyId, batchId],
      responses: { "200": csv("code,url of the unused codes"), ...unauthorized, ...noBatch },
    },
  },
  "/surveys/{id}/invitations/{batchId}/letters": {
    get: {
      ...organizer,
      summary:
        "The batch's letters, one A4 page a code with its QR code, ready to print (admin; in the audit log)",
      parameters: [
        surveyId,
        batchId,
        {
          name: "unused",
          in: "query",
          required: false,
          description: "true: only the codes not used yet (the reminder)",
          schema: { type: "string", enum: ["true"] },
        },
      ],
      responses: {
        "200": { description: "The letters", content: { "text/html": { schema: { type: "string" } } } },
        ...unauthorized,
        ...noBatch,
      },
    },
  },
  "/surveys/{id}/response-rate": {
    get: {
      ...organizer,
      summary:
        "The mailed sample's response rate of a wave: mailed, answered online, returned on paper, rate, by channel and by stratum (analyst)",
      parameters: [
        surveyId,
        {
          name: "wave",
          in: "query",
          required: true,
          description: "Fiscal year of the mailing",
          schema: { type: "integer" },
        },
      ],
      responses: {
        "200": json("ResponseRate", "The response rate"),
        "400": problem("wave missing or not a fiscal year"),
        ...unauthorized,
        "404": problem("No such survey"),
      },
    },
  },
};
