import { DeviceEnrollment } from "../../src/contract/events";

/**
 * An event and a tablet enrolled on a running collector through its organizer API, as staff do
 * from the dashboard: the ids a kiosk response names, and the token it must be sent with.
 */
export async function enrolOverHttp(
  origin: string,
  organizerToken: string,
  surveyId: string,
): Promise<{ eventId: string; deviceId: string; token: string }> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${origin}/api/v1${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${organizerToken}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return await res.json();
  };
  const event = (await post("/events", {
    surveyId,
    name: "防災フェスタ",
    place: "区民センター",
    date: "2026-06-01",
  })) as { id: string };
  const { device, token } = DeviceEnrollment.parse(
    await post(`/events/${event.id}/devices`, { label: "受付1" }),
  );
  return { eventId: event.id, deviceId: device.id, token };
}
