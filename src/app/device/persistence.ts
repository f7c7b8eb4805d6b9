import { requestPersistence } from "../../outbox/persistence";
import { createStore } from "../store";
import { browserStorage, persistedNow } from "./browser-storage";

/** Whether the browser promised not to evict the outbox: unknown until asked or checked. */
export type PersistenceState = "unknown" | "granted" | "not_granted";

// One per page: the browser's answer is the site's, and asking twice may prompt twice.
export const persistence = createStore<PersistenceState>("unknown");

/** At start-up: only reads, so no prompt appears before the respondent has done anything. */
export async function checkPersistence(): Promise<void> {
  const persisted = await persistedNow();
  if (persisted !== undefined) persistence.set(persisted ? "granted" : "not_granted");
}

/**
 * After a response is saved: the moment the respondent has something to lose, and a user
 * gesture, which some browsers require before they grant it.
 */
export async function askForPersistence(): Promise<void> {
  if (persistence.get() === "granted") return;
  const report = await requestPersistence(browserStorage());
  persistence.set(report.persisted ? "granted" : "not_granted");
}
