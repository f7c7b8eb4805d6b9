import type { KioskDevice, KioskEvent } from "../../contract/events";

/** Events and their kiosk devices. */
export interface EventStorage {
  insertEvent(event: KioskEvent): Promise<void>;
  /** One survey's events (or every event for null), latest day first. */
  listEvents(surveyId: string | null): Promise<KioskEvent[]>;
  getEvent(id: string): Promise<KioskEvent | undefined>;
  /** Stores a device with the sha256 of its token; the token itself is never stored. */
  insertDevice(device: KioskDevice, tokenHash: string): Promise<void>;
  listDevices(eventId: string): Promise<KioskDevice[]>;
  deviceByTokenHash(tokenHash: string): Promise<KioskDevice | undefined>;
  revokeDevice(id: string, at: string): Promise<KioskDevice | undefined>;
  /** The survey of a device's event, for an account's survey scope; undefined for no such device. */
  surveyOfDevice(id: string): Promise<string | undefined>;
}
