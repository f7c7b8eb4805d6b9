import type { Context } from "hono";
import type { KioskDevice } from "../../contract/events";
import { HttpProblem } from "../http/problems";
import type { EventStorage } from "../storage/event-storage";
import { hashDeviceToken } from "./device-token";

/**
 * The kiosk device a request speaks for: none without an Authorization header (a resident's own
 * phone sends none), else the device whose token it carries. A token that is unknown or revoked is
 * refused with 401, so a tablet whose token was withdrawn keeps its responses and says so.
 */
export async function deviceOf(
  c: Context,
  storage: Pick<EventStorage, "deviceByTokenHash">,
): Promise<KioskDevice | undefined> {
  const header = c.req.header("Authorization");
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const device = match?.[1] ? await storage.deviceByTokenHash(hashDeviceToken(match[1])) : undefined;
  if (!device || device.revokedAt !== null) {
    c.header("WWW-Authenticate", 'Bearer realm="tsunagu"');
    throw new HttpProblem("unauthorized", "the device token is unknown or revoked");
  }
  return device;
}
