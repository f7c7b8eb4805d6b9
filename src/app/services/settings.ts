import { getEndpoint, SettingsError, setEndpoint } from "../../sync/settings";
import { getOutbox } from "./outbox";

export async function readEndpoint(): Promise<string> {
  return getEndpoint(await getOutbox());
}

/** Saves a new endpoint; resolves false when the URL is refused (not http(s), has a query, …). */
export async function saveEndpoint(url: string): Promise<boolean> {
  try {
    await setEndpoint(await getOutbox(), url);
    return true;
  } catch (error) {
    if (error instanceof SettingsError) return false;
    throw error;
  }
}

export const defaultEndpoint = () => `${window.location.origin}/api/v1`;
