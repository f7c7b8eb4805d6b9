import { Hono } from "hono";
import { z } from "zod";
import type { SessionState } from "../../survey/contract";
import { tokenMatches } from "../auth";
import { clientAddress } from "../client-address";
import type { AppDeps } from "../deps";
import { HttpProblem } from "../problems";
import { readJsonLimited } from "../read-json";
import { endSession, sameOrigin, sessionStateOf, startSession } from "../sessions/organizer-session";
import { DEFAULT_SIGN_IN_THROTTLE, signInThrottle } from "../sessions/sign-in-throttle";

const SignInBody = z.object({ token: z.string().min(1).max(512) });

/**
 * The dashboard's sign-in: POST the organizer token once, get an HttpOnly session cookie, so the
 * token never stays in the browser. Wrong tokens from one client are slowed (429 + Retry-After).
 */
export function sessionRoutes(
  deps: Pick<AppDeps, "storage" | "organizerToken" | "now" | "clientAddress" | "signInThrottle">,
): Hono {
  const throttle = signInThrottle(deps.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE);
  const addressOf = deps.clientAddress ?? clientAddress(0);
  const now = () => deps.now?.() ?? new Date();
  return new Hono()
    .post("/session", async (c) => {
      if (c.req.header("Origin") !== undefined && !sameOrigin(c))
        throw new HttpProblem("cross_site_request", "sign in from this site's own dashboard");
      const client = addressOf(c) ?? "unknown";
      const waitMs = throttle.waitFor(client);
      if (waitMs > 0) {
        c.header("Retry-After", String(Math.max(1, Math.ceil(waitMs / 1000))));
        throw new HttpProblem("too_many_sign_ins", "too many wrong tokens; wait before trying again");
      }
      const body = SignInBody.safeParse(await readJsonLimited(c, 4096));
      if (!body.success || !tokenMatches(body.data.token, deps.organizerToken)) {
        throttle.failed(client);
        throw new HttpProblem("unauthorized", "that is not the organizer token");
      }
      throttle.succeeded(client);
      const expiresAt = await startSession(c, deps.storage, now());
      return c.json({ signedIn: true, expiresAt });
    })
    .get("/session", (c) => {
      c.header("Cache-Control", "no-store");
      const state: SessionState = { signedIn: sessionStateOf(c) === "valid" };
      return c.json(state);
    })
    .delete("/session", async (c) => {
      if (sessionStateOf(c) === "cross_site")
        throw new HttpProblem("cross_site_request", "sign out from this site's own dashboard");
      await endSession(c, deps.storage);
      return c.body(null, 204);
    });
}
