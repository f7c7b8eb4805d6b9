import { hashDeviceToken, newDeviceToken } from "../../src/server/kiosk/device-token";
import type { Storage } from "../../src/server/storage";

/**
 * An event and a tablet enrolled for it, as the dashboard makes them: kiosk responses must carry
 * the tablet's token. Answers the token, and the Authorization header that sends it.
 */
export async function enrolKiosk(
  storage: Storage,
  ids: { eventId: string; deviceId: string; surveyId?: string },
): Promise<{ token: string; auth: Record<string, string> }> {
  if (!(await storage.getEvent(ids.eventId)))
    await storage.insertEvent({
      id: ids.eventId,
      surveyId: ids.surveyId ?? "ward-test",
      name: `event ${ids.eventId}`,
      place: "ward office",
      date: "2025-06-01",
      createdAt: "2025-05-01T00:00:00.000Z",
    });
  const token = newDeviceToken();
  await storage.insertDevice(
    {
      id: ids.deviceId,
      label: `tablet ${ids.deviceId}`,
      eventId: ids.eventId,
      createdAt: "2025-05-01T00:00:00.000Z",
      revokedAt: null,
    },
    hashDeviceToken(token),
  );
  return { token, auth: { Authorization: `Bearer ${token}` } };
}
