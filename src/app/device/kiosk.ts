import type { Enrollment } from "../../contract/enrollment";
import { setDeviceToken, setEndpoint } from "../../sync/settings";
import { setKioskMode } from "./kiosk-mode";
import { getOutbox } from "./outbox";
import { askForPersistence } from "./persistence";
import { type PinHash, pinMatches } from "./pin";
import { syncNow } from "./sync";

/** What a kiosk keeps about itself, beside the endpoint and device token the sync engine reads. */
export interface KioskState {
  deviceId: string;
  eventId: string;
  surveyId: string;
  eventName: string;
  pin: PinHash;
  enrolledAt: string;
}

const KIOSK_KEY = "kiosk.state";

function isKioskState(value: unknown): value is KioskState {
  const v = value as Partial<KioskState> | undefined;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.deviceId === "string" &&
    typeof v.eventId === "string" &&
    typeof v.surveyId === "string" &&
    typeof v.eventName === "string" &&
    typeof v.pin?.hash === "string"
  );
}

export async function loadKiosk(): Promise<KioskState | undefined> {
  const stored = await (await getOutbox()).getSetting(KIOSK_KEY);
  return isKioskState(stored) ? stored : undefined;
}

/**
 * Makes this device the event's kiosk: the endpoint and token for the sync engine, the kiosk's own
 * state, then persistent storage (the tablet will hold answers for hours).
 */
export async function enrollDevice(enrollment: Enrollment, pin: PinHash): Promise<KioskState> {
  const outbox = await getOutbox();
  await setEndpoint(outbox, enrollment.endpoint);
  await setDeviceToken(outbox, enrollment.token);
  const state: KioskState = {
    deviceId: enrollment.deviceId,
    eventId: enrollment.eventId,
    surveyId: enrollment.surveyId,
    eventName: enrollment.eventName,
    pin,
    enrolledAt: new Date().toISOString(),
  };
  await outbox.setSetting(KIOSK_KEY, state);
  setKioskMode(true);
  await askForPersistence().catch(() => {});
  void syncNow();
  return state;
}

/** After this many wrong PINs in a row, the prompt waits: guessing 4 digits by hand becomes slow. */
export const PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 60_000;
// One per page: the count of wrong PINs must outlive the PIN dialog, which staff may close and open
// again to start over (a reload does start over, and costs a minute of its own on a tablet).
let failures = 0;
let lockedUntil = 0;

export type PinCheck = { kind: "ok" } | { kind: "wrong" } | { kind: "locked"; untilMs: number };

export async function checkStaffPin(pin: string, now = Date.now()): Promise<PinCheck> {
  if (now < lockedUntil) return { kind: "locked", untilMs: lockedUntil };
  const state = await loadKiosk();
  if (state && (await pinMatches(pin, state.pin))) {
    failures = 0;
    return { kind: "ok" };
  }
  failures += 1;
  if (failures < PIN_ATTEMPTS) return { kind: "wrong" };
  failures = 0;
  lockedUntil = now + PIN_LOCK_MS;
  return { kind: "locked", untilMs: lockedUntil };
}

/**
 * Ends kiosk mode. Deletes nothing that was collected: the endpoint and device token stay, so the
 * responses not yet sent still go out with the token that vouches for them.
 */
export async function endEvent(): Promise<void> {
  await (await getOutbox()).setSetting(KIOSK_KEY, undefined);
  setKioskMode(false);
}

/** A device whose flag outlived its state (storage cleared): not a kiosk any more. */
export function leaveKioskMode(): void {
  setKioskMode(false);
}
