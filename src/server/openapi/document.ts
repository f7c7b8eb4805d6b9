import { PROBLEM_CODES } from "../../contract/problem-codes";
import { accountSessionPaths } from "./paths-account-sessions";
import { accountPaths } from "./paths-accounts";
import { apiTokenPaths } from "./paths-api-tokens";
import { eventPaths } from "./paths-events";
import { exportPaths } from "./paths-exports";
import { intakePaths } from "./paths-intake";
import { invitationBatchPaths } from "./paths-invitation-batches";
import { invitationPaths } from "./paths-invitations";
import { paperPaths } from "./paths-paper";
import { passkeyPaths } from "./paths-passkeys";
import { populationPaths } from "./paths-population";
import { resultsPaths } from "./paths-results";
import { reviewPaths } from "./paths-reviews";
import { sessionPaths } from "./paths-session";
import { surveyPaths } from "./paths-surveys";
import { tallyPaths } from "./paths-tallies";
import { versionPaths } from "./paths-versions";
import { componentSchemas } from "./schemas";

/** OpenAPI 3.1 for HTTP contract v1, its schemas generated from the same zod schemas the routes use. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tsunagu collector — HTTP contract v1",
      version: "1.0.0",
      description: `Any server that speaks this can be the app's endpoint. Responses are stored by id: resending is always safe. An error is { error: { code, message, problems? } }: code is stable (${PROBLEM_CODES.join(", ")}) and what a client words in its reader's language; message is English, for people and as a fallback.`,
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        organizerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "The bootstrap ORGANIZER_TOKEN, for scripts: an admin of every survey; or an account's API token (tsunagu_pat_…, POST /api-tokens), acting with the account's role and scope",
        },
        organizerSession: {
          type: "apiKey",
          in: "cookie",
          name: "tsunagu_session",
          description:
            "The dashboard's session from POST /session (HttpOnly, SameSite=Strict); a POST or DELETE with it must carry this site's Origin",
        },
        deviceToken: {
          type: "http",
          scheme: "bearer",
          description: "A kiosk device's token, from POST /events/{id}/devices",
        },
      },
      schemas: componentSchemas(),
    },
    // In the order the document always had: a client's generated code and a reader's diff keep theirs.
    paths: {
      ...surveyPaths,
      ...intakePaths,
      ...tallyPaths,
      ...sessionPaths,
      ...reviewPaths,
      ...populationPaths,
      ...exportPaths,
      ...eventPaths,
      ...versionPaths,
      ...accountPaths,
      ...paperPaths,
      ...accountSessionPaths,
      ...apiTokenPaths,
      ...invitationPaths,
      ...passkeyPaths,
      ...resultsPaths,
      ...invitationBatchPaths,
      "/openapi.json": {
        get: {
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
        },
      },
    },
  };
}
