import { Hono, type MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { cors } from "hono/cors";
import { apiTokenBearer } from "./auth/api-token";
import { organizerSession } from "./auth/organizer-session";
import type { AppDeps } from "./deps";
import { clientAddress } from "./http/client-address";
import { readFirstScreensManifest } from "./http/first-screen-pages";
import { refuseControlCharactersInPath } from "./http/path-guard";
import { HttpProblem, problemResponse } from "./http/problems";
import { rateLimit } from "./http/rate-limit";
import { loggedPath, requestLog } from "./http/request-log";
import { securityHeaders } from "./http/security-headers";
import { staticFiles } from "./http/static-files";
import { surveyFiles } from "./http/survey-files";
import { accountSessionRoutes } from "./routes/account-sessions";
import { accountRoutes } from "./routes/accounts";
import { apiTokenRoutes } from "./routes/api-tokens";
import { auditRoutes } from "./routes/audit";
import { csvRoutes } from "./routes/csv";
import { eventRoutes } from "./routes/events";
import { healthRoutes } from "./routes/health";
import { importRoutes } from "./routes/imports";
import { invitationBatchRoutes } from "./routes/invitation-batches";
import { invitationRoutes } from "./routes/invitations";
import { openApiRoutes } from "./routes/openapi";
import { paperFormRoutes } from "./routes/paper-forms";
import { passkeyRoutes } from "./routes/passkeys";
import { populationRoutes } from "./routes/population";
import { reactionRoutes } from "./routes/reactions";
import { receiptRoutes } from "./routes/receipts";
import { responseRoutes } from "./routes/responses";
import { resultsRoutes } from "./routes/results";
import { resultsPageRoutes } from "./routes/results-page";
import { reviewRoutes } from "./routes/reviews";
import { sessionRoutes } from "./routes/session";
import { surveyRoutes } from "./routes/surveys";
import { tallyRoutes } from "./routes/tallies";
import { versionRoutes } from "./routes/versions";

export type { AppDeps } from "./deps";

/** The collector: HTTP contract v1 under /api/v1, and the built app beside it when there is one. */
export function createApp(deps: AppDeps): Hono {
  const log = deps.log ?? ((line: string) => console.log(line));
  const app = new Hono();
  app.use("*", requestLog(log));
  // The survey pages' inline boot script and stylesheet, by the hashes the build wrote beside them.
  const inline = deps.staticDir ? readFirstScreensManifest(deps.staticDir, log)?.inlineHashes : undefined;
  app.use("*", securityHeaders(inline));
  app.use("*", refuseControlCharactersInPath());

  const origins = deps.corsOrigins ?? [];
  if (origins.length > 0)
    app.use(
      "/api/v1/*",
      cors({
        origin: (origin) => (origins.includes(origin) ? origin : null),
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Content-Type", "Authorization"],
        maxAge: 600,
      }),
    );

  // One way to tell a client's address, for the request limiter and the intake limits alike.
  const addressOf = deps.clientAddress ?? clientAddress(0);
  if (deps.rateLimit) {
    const limit = rateLimit(deps.rateLimit, addressOf);
    // A load balancer's health checks must never be refused.
    app.use("/api/v1/*", (c, next) => (c.req.path === "/api/v1/health" ? next() : limit(c, next)));
  }

  // Before every route: which requests carry a live dashboard session (see requireOrganizer).
  app.use(
    "/api/v1/*",
    organizerSession(deps.storage, () => deps.now?.() ?? new Date(), deps.organizerToken),
  );
  app.use(
    "/api/v1/*",
    apiTokenBearer(deps.storage, () => deps.now?.() ?? new Date()),
  );

  // Versions another collector process published are learnt here at most every few seconds
  // (published-surveys.ts); a response naming one this process lacks reads it at once (ingest.ts).
  const refreshSurveys: MiddlewareHandler = async (c, next) => {
    if (c.req.method === "GET") await deps.surveys.refresh?.();
    await next();
  };
  app.use("/api/v1/surveys", refreshSurveys);
  app.use("/api/v1/surveys/*", refreshSurveys);

  const api = new Hono()
    .route("/", healthRoutes(deps))
    .route("/", surveyRoutes(deps))
    .route("/", versionRoutes(deps))
    .route("/", responseRoutes({ ...deps, clientAddress: addressOf }))
    .route("/", reviewRoutes(deps))
    .route("/", paperFormRoutes(deps))
    .route("/", receiptRoutes(deps))
    .route("/", tallyRoutes(deps))
    .route("/", populationRoutes(deps))
    .route("/", sessionRoutes(deps))
    .route("/", csvRoutes(deps))
    .route("/", importRoutes(deps))
    .route("/", eventRoutes(deps))
    .route("/", accountRoutes(deps))
    .route("/", accountSessionRoutes(deps))
    .route("/", apiTokenRoutes(deps))
    .route("/", invitationRoutes(deps))
    .route("/", passkeyRoutes(deps))
    .route("/", auditRoutes(deps))
    .route("/", resultsRoutes(deps))
    .route("/", reactionRoutes({ ...deps, clientAddress: addressOf }))
    .route("/", invitationBatchRoutes(deps))
    .route("/", openApiRoutes());
  app.route("/api/v1", api);

  // The published results, rendered here for anyone, before the app's own pages.
  app.route("/", resultsPageRoutes(deps));

  // The app's files gzip-compressed for a phone on weak mobile data (its budget is counted in gzip
  // bytes); only the static files, so no API answer mixes a secret with reflected input (BREACH).
  // The published definitions from the registry, before (and over) the built files of the same name.
  app.use("/surveys/*", compress(), surveyFiles(deps.surveys));
  if (deps.staticDir) app.use("*", compress(), ...staticFiles(deps.staticDir, deps.surveys, log));

  app.notFound((c) =>
    problemResponse(c, new HttpProblem("not_found", `nothing at ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(c, error);
    // Never the request body: only where it failed and the error itself.
    log(`error in ${c.req.method} ${loggedPath(c)}: ${error.name}: ${error.message}`);
    return problemResponse(c, new HttpProblem("internal", "the collector failed; nothing was acknowledged"));
  });
  return app;
}
