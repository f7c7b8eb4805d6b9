import { createStore } from "../store";

/**
 * Whether this device is a kiosk, known synchronously at start-up so the very first render already
 * hides the queue, the settings and every page but the kiosk's. The kiosk's details (event, device,
 * PIN hash) are in IndexedDB (device/kiosk.ts); this flag is only the hint that they are.
 */
const KEY = "tsunagu.kiosk";

function readFlag(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

/** One per page: the page's mode, read once before the first render and changed by enrolment. */
export const kioskMode = createStore<boolean>(readFlag());

export function setKioskMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, "1");
    else localStorage.removeItem(KEY);
  } catch {
    // Blocked storage: kiosk mode holds for this page only.
  }
  kioskMode.set(on);
}
