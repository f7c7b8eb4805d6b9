import { Hono } from "hono";
import { type SessionState, SignInBody } from "../../contract/session";
import { endSession, sameOrigin, sessionStateOf, startSession } from "../auth/organizer-session";
import { tokenMatches } from "../auth/require-organizer";
import { DEFAULT_SIGN_IN_THROTTLE, signInThrottle } from "../auth/sign-in-throttle";
import type { DepsWith } from "../deps";
import { clientAddress } from "../http/client-address";
import { HttpProblem } from "../http/problems";
import { readJson } from "../http/read-body";
import type { SessionStorage } from "../storage/session-storage";

/**
 * The dashboard's sign-in: POST the organizer token once, get an HttpOnly session cookie, so the
 * token never stays in the browser. Wrong tokens from one client are slowed (429 + Retry-After);
 * the right one signs in all the same.
 */
export function sessionRoutes(
  deps: DepsWith<SessionStorage, "organizerToken" | "now" | "clientAddress" | "signInThrottle">,
): Hono {
  const throttle = signInThrottle(deps.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE);
  const addressOf = deps.clientAddress ?? clientAddress(0);
  const now = () => deps.now?.() ?? new Date();
  return new Hono()
    .post("/session", async (c) => {
      if (c.req.header("Origin") !== undefined && !sameOrigin(c))
        throw new HttpProblem("cross_site_request", "sign in from this site's own dashboard");
      const client = addressOf(c) ?? "unknown";
      const body = SignInBody.safeParse(await readJson(c, 4096));
      // Only wrong guesses are throttled. Refusing every try from a throttled address let anyone
      // who shares it (one office's NAT, a proxy in front) lock the organizer out by guessing, so
      // the token is checked first, whatever the throttle says, and the right one signs in.
      // What a throttled guesser learns: a wrong guess answers 429, exactly as a try refused
      // unread did before, so a wrong guess looks no different from one never checked; the
      // comparison takes the same time however much of a guess matches (tokenMatches hashes both
      // sides, then timingSafeEqual), so timing gives nothing away either. The one new thing is
      // that the right token gets in during the wait: a guesser can reach it at the pace of the
      // rate limit on /api/v1, no longer only at the throttle's. Against a token start-up accepts
      // (at least 32 characters of some variety, auth/organizer-token.ts) that pace finds nothing;
      // the throttle was never what kept a weak token safe.
      if (body.success && tokenMatches(body.data.token, deps.organizerToken)) {
        throttle.succeeded(client);
        const expiresAt = await startSession(c, deps.storage, now(), deps.organizerToken);
        return c.json({ signedIn: true, expiresAt });
      }
      // A wrong guess during the wait counts too, so the wait keeps doubling while guesses come.
      const throttled = throttle.waitFor(client) > 0;
      throttle.failed(client);
      if (throttled) {
        c.header("Retry-After", String(Math.max(1, Math.ceil(throttle.waitFor(client) / 1000))));
        throw new HttpProblem("too_many_sign_ins", "too many wrong tokens; wait before trying again");
      }
      throw new HttpProblem("unauthorized", "that is not the organizer token");
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
