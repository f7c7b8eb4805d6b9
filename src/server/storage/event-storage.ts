import type { DeviceSummary, EventSummary, KioskDevice, KioskEvent } from "../../contract/events";

/** What may change of an event; `closedAt` null reopens it. */
export interface EventChange {
  name?: string;
  place?: string;
  date?: string;
  closedAt?: string | null;
}

/** A delete done (with how many tablets it revoked), or refused for the responses it holds. */
export type EventDeletion = { deleted: true; devicesRevoked: number } | { deleted: false; responses: number };

/** Events and their kiosk devices. */
export interface EventStorage {
  insertEvent(event: KioskEvent): Promise<void>;
  /** One survey's events (or every event for null) but the deleted ones, latest day first. */
  listEvents(surveyId: string | null): Promise<EventSummary[]>;
  /** An event, unless there is none or it was deleted. */
  getEvent(id: string): Promise<KioskEvent | undefined>;
  /** Changes an event that was not deleted; undefined when there is none. */
  changeEvent(id: string, change: EventChange): Promise<KioskEvent | undefined>;
  /** Deletes an event holding no responses and revokes its tablets; undefined when there is none. */
  deleteEmptyEvent(id: string, at: string): Promise<EventDeletion | undefined>;
  /** Stores a device with the sha256 of its token; the token itself is never stored. */
  insertDevice(device: KioskDevice, tokenHash: string): Promise<void>;
  listDevices(eventId: string): Promise<DeviceSummary[]>;
  deviceByTokenHash(tokenHash: string): Promise<KioskDevice | undefined>;
  revokeDevice(id: string, at: string): Promise<KioskDevice | undefined>;
  renameDevice(id: string, label: string): Promise<KioskDevice | undefined>;
  /** Notes a tablet's sync at `at` unless one at or after `notBefore` is noted already. */
  noteDeviceSync(id: string, at: string, notBefore: string): Promise<void>;
  /** The survey of a device's event, for an account's survey scope; undefined for no such device. */
  surveyOfDevice(id: string): Promise<string | undefined>;
}
