/**
 * The organizer's bearer token, kept for this browser tab only (sessionStorage): an office PC is
 * shared, and closing the tab forgets it even if nobody presses "forget".
 */
const KEY = "tsunagu.organizerToken";

export function readOrganizerToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function saveOrganizerToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token.trim());
  } catch {
    // Blocked storage: the token lives only in the page's state.
  }
}

export function forgetOrganizerToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
