import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId } from "../domain/definition";
import { describeProblems, problemsOf } from "../domain/issues";
import { ShortId } from "../domain/response";
import { DeviceToken } from "./events";

/**
 * What an enrollment link hands a tablet. It travels in the URL's fragment (`/enroll#...`): a
 * browser never sends the fragment to a server, so the device token stays out of every access log.
 */
export const Enrollment = z.object({
  endpoint: z.url({ protocol: /^https?$/ }),
  token: DeviceToken,
  deviceId: ShortId,
  eventId: ShortId,
  surveyId: SurveyId,
  eventName: z.string().check(z.maxLength(200)),
});
export type Enrollment = z.infer<typeof Enrollment>;

// Short keys keep the link (and so its QR code) small enough to scan from a screen.
const KEYS = {
  endpoint: "e",
  token: "t",
  deviceId: "d",
  eventId: "ev",
  surveyId: "s",
  eventName: "n",
} as const satisfies Record<keyof Enrollment, string>;

/** The fragment, without its "#". */
export function enrollmentFragment(enrollment: Enrollment): string {
  const params = new URLSearchParams();
  params.set("v", "1");
  for (const [field, key] of Object.entries(KEYS)) params.set(key, enrollment[field as keyof Enrollment]);
  return params.toString();
}

export type EnrollmentParse = { ok: true; enrollment: Enrollment } | { ok: false; error: string };

/** Reads a fragment (with or without its "#"); says which field is missing or wrong. */
export function parseEnrollmentFragment(fragment: string): EnrollmentParse {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  if (params.get("v") !== "1") return { ok: false, error: "v: not an enrollment link of version 1" };
  const raw = Object.fromEntries(
    Object.entries(KEYS).map(([field, key]) => [field, params.get(key) ?? undefined]),
  );
  const parsed = Enrollment.safeParse(raw);
  if (parsed.success) return { ok: true, enrollment: parsed.data };
  return { ok: false, error: describeProblems(problemsOf(parsed.error)) };
}
