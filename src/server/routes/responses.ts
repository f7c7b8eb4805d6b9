import { Hono } from "hono";
import type { KioskDevice } from "../../contract/events";
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_ITEMS,
  ResponsesBody,
  type ResponsesResult,
} from "../../contract/responses";
import type { AppDeps, DepsWith } from "../deps";
import { HttpProblem } from "../http/problems";
import { readBody } from "../http/read-body";
import { deviceOf } from "../kiosk/device-auth";
import { ingestBatch } from "../responses/ingest";
import { IntakeRefused, type IntakeSource, intakeGate } from "../responses/intake";
import { bearerIsOrganizerToken, holdsPaper, paperKeyerOf } from "../responses/paper-keyer";
import { settlePaperBatch } from "../responses/settle-paper";
import type { AuditStorage } from "../storage/audit-storage";
import type { EventStorage } from "../storage/event-storage";
import type { IntakeStorage } from "../storage/intake-storage";
import type { PaperStorage } from "../storage/paper-storage";
import type { ResponseStorage } from "../storage/response-storage";

/** A tablet's last sync is shown to the minute: a backlog's many requests write it about once a minute. */
const SYNC_NOTE_INTERVAL_MS = 60_000;

async function noteSync(storage: Pick<EventStorage, "noteDeviceSync">, device: KioskDevice, now: Date) {
  const notBefore = new Date(now.getTime() - SYNC_NOTE_INTERVAL_MS).toISOString();
  // The device row read for its token already says whether a write is due: most requests make none.
  if (device.lastSyncAt !== null && device.lastSyncAt >= notBefore) return;
  await storage.noteDeviceSync(device.id, now.toISOString(), notBefore);
}

export function responseRoutes(
  deps: DepsWith<
    Pick<ResponseStorage, "insertResponses"> &
      IntakeStorage &
      Pick<EventStorage, "deviceByTokenHash" | "noteDeviceSync"> &
      Pick<PaperStorage, "settlePaperForms"> &
      Pick<AuditStorage, "appendAudit">,
    "surveys" | "now" | "intakeLimits" | "organizerToken"
  > &
    Required<Pick<AppDeps, "clientAddress">>,
): Hono {
  const gate = intakeGate(deps.storage, deps.intakeLimits);
  const addressOf = deps.clientAddress;
  return new Hono().post("/responses", async (c) => {
    // Before the body: a tablet whose token was revoked learns it at once, whatever it sends. The
    // organizer's token is no tablet's: a script keying paper forms sends it (paper-keyer.ts).
    const device = bearerIsOrganizerToken(c, deps.organizerToken)
      ? undefined
      : await deviceOf(c, deps.storage);
    const body = await readBody(c, {
      maxBytes: MAX_BATCH_BYTES,
      schema: ResponsesBody,
      what: '{ "responses": [...] }',
      items: { field: "responses", max: MAX_BATCH_ITEMS, noun: "responses" },
    });
    const keyer = holdsPaper(body.responses) ? paperKeyerOf(c, deps.organizerToken) : undefined;
    // Counted against the kiosk of its token, else against the address (never stored: intake.ts).
    // An address unknown (app.request() in a test, no socket) is not limited, as in rate-limit.ts.
    const address = device || keyer ? undefined : addressOf(c);
    const source: IntakeSource | undefined = keyer
      ? { kind: "account", login: keyer.login }
      : device
        ? { kind: "device", deviceId: device.id }
        : address !== undefined
          ? { kind: "address", address }
          : undefined;
    const now = deps.now?.() ?? new Date();
    let intake: Awaited<ReturnType<typeof gate.quotaFor>> | undefined;
    try {
      intake = source && (await gate.quotaFor(source, now));
    } catch (error) {
      if (!(error instanceof IntakeRefused)) throw error;
      c.header("Retry-After", String(error.retryAfterSeconds));
      throw new HttpProblem("rate_limited", `${error.message}; retry after the given seconds`);
    }
    const results = await ingestBatch(
      body.responses,
      { ...deps, now: () => now },
      { device, keyer, ...(intake && { intake }) },
    );
    if (device) await noteSync(deps.storage, device, now);
    if (keyer) await settlePaperBatch(c, deps, body.responses, results);
    return c.json({ results } satisfies ResponsesResult);
  });
}
