import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type AuditEntry, AuditList } from "../../src/contract/audit";
import { writeBackup } from "../../src/contract/backup";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, PASSWORD, sessionOf, signInAs } from "./account-support";
import { describeEachStorage, ingestAsStaff, makeResponse, openApp, organizer, SURVEY } from "./support";
import { NEXT, nextVersionWorkbook, seededApp, WARD, xlsxUpload } from "./versions-support";

const CANARY = "canary-answer-5d1e 区役所";

describeEachStorage("audit log", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let admin: string;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
    await addAccount(storage, "tanaka", "admin");
    admin = await sessionOf(app, "tanaka");
  });
  afterEach(async () => dispose());

  const as = (cookie: string, method = "GET", body?: unknown, type = "application/json"): RequestInit => ({
    method,
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": type },
    ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const call = (path: string, init: RequestInit = as(admin)) => app.request(`${BASE}/api/v1${path}`, init);
  const entries = async (): Promise<AuditEntry[]> => {
    const res = await call("/audit");
    expect(res.status).toBe(200);
    return AuditList.parse(await res.json()).entries;
  };
  const newest = async () => (await entries())[0];

  it("records sign-ins and failures, with the login tried and never the password", async () => {
    expect(await newest()).toMatchObject({ actor: "tanaka", action: "sign_in", target: "tanaka" });
    expect((await signInAs(app, "tanaka", "wrong-password-1")).status).toBe(401);
    expect(await newest()).toMatchObject({ actor: null, action: "sign_in_failed", target: "tanaka" });
    expect(JSON.stringify(await entries())).not.toMatch(/wrong-password-1|correct horse/);
  });

  it("records account creation and changes, as the admin who made them", async () => {
    const created = await call(
      "/accounts",
      as(admin, "POST", {
        login: "sato",
        displayName: "佐藤",
        role: "analyst",
        surveys: [SURVEY],
        password: PASSWORD,
      }),
    );
    const { id } = (await created.json()) as { id: string };
    expect(await newest()).toMatchObject({
      actor: "tanaka",
      action: "account_created",
      target: "sato",
      detail: { role: "analyst", surveys: SURVEY },
    });
    expect((await call(`/accounts/${id}`, as(admin, "PATCH", { disabled: true }))).status).toBe(200);
    expect(await newest()).toMatchObject({
      action: "account_changed",
      target: "sato",
      detail: { disabled: true },
    });
  });

  it("records exports with their file and filter, reviews, events and devices; never an answer", async () => {
    await ingestAsStaff(storage, (await openApp(variant)).surveys, [
      makeResponse({ answers: { q_prepared: "no", q_area: "north", q_comment: CANARY } }),
    ]);
    expect((await call(`/surveys/${SURVEY}/responses.csv?wave=2025`)).status).toBe(200);
    expect(await newest()).toMatchObject({
      action: "export_downloaded",
      target: SURVEY,
      detail: { file: `${SURVEY}-fy2025-responses.csv`, wave: 2025 },
    });
    expect((await call(`/surveys/${SURVEY}/tallies.csv?by=q_area`)).status).toBe(200);
    expect(await newest()).toMatchObject({
      detail: { file: `${SURVEY}-by-q_area-tallies.csv`, by: "q_area" },
    });
    expect((await call(`/surveys/${SURVEY}/policy.csv`)).status).toBe(200);
    expect(await newest()).toMatchObject({ detail: { file: `${SURVEY}-policy.csv` } });

    // A filter that matches nothing changes nothing, says so (422), and writes no row.
    const nothing = {
      filter: { state: "held", reason: "burst" },
      state: "excluded",
      reason: "checked by hand",
    };
    expect((await call(`/surveys/${SURVEY}/reviews`, as(admin, "POST", nothing))).status).toBe(422);
    expect(await newest()).toMatchObject({ action: "export_downloaded" });
    const review = {
      filter: { mode: "self" },
      state: "excluded",
      reason: "checked by hand",
      note: "a test answer",
    };
    expect((await call(`/surveys/${SURVEY}/reviews`, as(admin, "POST", review))).status).toBe(200);
    expect(await newest()).toMatchObject({
      action: "review_changed",
      target: SURVEY,
      detail: { state: "excluded", note: "a test answer", changed: 1 },
    });

    const event = await call(
      "/events",
      as(admin, "POST", { surveyId: SURVEY, name: "祭り", place: "公園", date: "2026-11-25" }),
    );
    const eventId = ((await event.json()) as { id: string }).id;
    expect(await newest()).toMatchObject({ action: "event_created", target: eventId });
    const enrolled = await call(`/events/${eventId}/devices`, as(admin, "POST", { label: "tablet 1" }));
    const { device, token } = (await enrolled.json()) as { device: { id: string }; token: string };
    expect(await newest()).toMatchObject({ action: "device_enrolled", target: device.id });
    expect((await call(`/devices/${device.id}/revoke`, as(admin, "POST", {}))).status).toBe(200);
    expect(await newest()).toMatchObject({ action: "device_revoked", target: device.id });

    const all = JSON.stringify(await entries());
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(token);
  });

  it("records population uploads and imports, by the bearer token as organizer-token", async () => {
    const upload = await call(`/surveys/${SURVEY}/population?wave=2025`, {
      method: "POST",
      headers: organizer,
      body: "q_area,population\nnorth,500\nsouth,300\neast,200\n",
    });
    expect(upload.status).toBe(200);
    expect(await newest()).toMatchObject({
      actor: "organizer-token",
      action: "population_uploaded",
      target: SURVEY,
      detail: { wave: 2025, dimensions: "q_area", cells: 3 },
    });
    const backup = JSON.stringify(await writeBackup([{ response: makeResponse(), state: "pending" }], {}));
    const imported = await call("/imports", { method: "POST", headers: organizer, body: backup });
    expect(imported.status).toBe(200);
    expect(await newest()).toMatchObject({ action: "backup_imported", detail: { accepted: 1, rejected: 0 } });
  });

  it("answers the log as CSV for Excel, and refuses it to anyone but an admin", async () => {
    const csv = await call("/audit?format=csv");
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    // Response.text() drops a BOM; the bytes keep it (Excel needs it to read UTF-8).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("id,at,actor,action,target,detail\r\n")).toBe(true);
    expect(text).toMatch(/,tanaka,sign_in,tanaka,/);
    expect((await call("/audit?format=xml")).status).toBe(400);
    expect((await call("/audit?limit=0")).status).toBe(400);
    await addAccount(storage, "sato", "analyst");
    const res = await call("/audit", as(await sessionOf(app, "sato")));
    expect(res.status).toBe(403);
  });

  it("is append-only: the storage's audit queries neither update nor delete", () => {
    const source = readFileSync(
      join(import.meta.dirname, "../../src/server/storage/audit-queries.ts"),
      "utf8",
    );
    expect(source).toMatch(/insertInto\("audit_log"\)/);
    expect(source).not.toMatch(/updateTable|deleteFrom|\bUPDATE\b|\bDELETE\b/i);
  });
});

describeEachStorage("audit log of publishing", (variant) => {
  it("records a published version, and names its account in publishedBy", async () => {
    const opened = await variant.open();
    try {
      await opened.storage.migrate();
      const { app } = await seededApp(opened.storage);
      await addAccount(opened.storage, "tanaka", "admin");
      const cookie = await sessionOf(app, "tanaka");
      const res = await app.request(
        `${BASE}/api/v1/surveys/${WARD}/versions`,
        xlsxUpload(nextVersionWorkbook(), { Cookie: cookie, Origin: BASE }),
      );
      expect(res.status).toBe(201);
      const [entry] = await opened.storage.auditEntries({ limit: 1 });
      expect(entry).toMatchObject({
        actor: "tanaka",
        action: "version_published",
        target: WARD,
        detail: { version: NEXT },
      });
      expect((await opened.storage.versionOf(WARD, NEXT))?.publishedBy).toBe("tanaka");
    } finally {
      await opened.dispose();
    }
  });
});
