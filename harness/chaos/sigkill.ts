import { ResponsesResult } from "../../src/contract/responses";
import type { Response } from "../../src/domain/response";
import { Collector } from "../collector";
import { enrolOverHttp } from "../fixtures/kiosk-enrolment";
import { seededRandom } from "../fixtures/seeded-random";
import { wardResponse } from "../fixtures/ward-responses";

export interface KillOptions {
  rounds: number;
  seed: number;
  /** Clients posting at once. */
  concurrency: number;
  dataDir: string;
  databaseUrl: string;
}

export interface KillFigures {
  rounds: number;
  requests: number;
  /** Requests a 200 answered before the kill, and those cut by it (no answer). */
  answered: number;
  cut: number;
  /** Ids a 200 answer called accepted or duplicate: the collector promised they are stored. */
  acknowledged: Set<string>;
  /** Of them, those acknowledged during the killed rounds (the rest by the resend at the end). */
  acknowledgedBeforeLastStart: number;
  /** Every response any client sent, acknowledged or not. */
  sent: Map<string, Response>;
  /** Acknowledged ids a restarted collector did not hold (must be 0), over every restart. */
  missingAfterRestart: number;
  /** Items of cut requests a restarted collector held: kills that landed after a commit. */
  storedButCut: number;
  /** Items answered conflict or rejected (must be 0: resends are always of the same content). */
  refused: number;
  /** When each kill came, in ms after its round's first answer. */
  killDelaysMs: number[];
}

export const KILL_TOKEN = "sigkill-organizer-token-8Hw3Pz6Qn1Tc5J";

/**
 * Rounds of: start the real collector, post batches from `concurrency` clients at once (new
 * responses, and resends of ones whose answer never came), SIGKILL it at a random moment while it
 * ingests, start it again on the same data. Measures; the caller asserts.
 */
export async function runKills(options: KillOptions): Promise<KillFigures> {
  const random = seededRandom(options.seed);
  // A free port at each start: clients of the killed process still hold connections to its port.
  const collector = new Collector(
    undefined,
    {
      DATABASE_URL: options.databaseUrl,
      ORGANIZER_TOKEN: KILL_TOKEN,
      CORS_ORIGINS: "",
      // The rate limit is not under test here: a round's few dozen requests must all reach ingest.
      RATE_LIMIT_BURST: "100000",
    },
    options.dataDir,
  );
  const figures: KillFigures = {
    rounds: options.rounds,
    requests: 0,
    answered: 0,
    cut: 0,
    acknowledged: new Set(),
    acknowledgedBeforeLastStart: 0,
    sent: new Map(),
    missingAfterRestart: 0,
    storedButCut: 0,
    refused: 0,
    killDelaysMs: [],
  };
  const unanswered: Response[] = [];
  let n = 0;
  // Cut in the round just ended: stored or not, depending on where the kill fell.
  let cutThisRound: string[] = [];
  const afterRestart = async (origin: string) => {
    const acknowledgedHeld = await held(origin, figures.acknowledged);
    figures.missingAfterRestart += figures.acknowledged.size - acknowledgedHeld.size;
    figures.storedButCut += (await held(origin, cutThisRound)).size;
    cutThisRound = [];
  };

  // The clients play kiosks: enrolled once, on the first start, and sending with the token.
  let kiosk: Awaited<ReturnType<typeof enrolOverHttp>> | undefined;
  const headers = () => ({ "Content-Type": "application/json", Authorization: `Bearer ${kiosk?.token}` });
  for (let round = 0; round < options.rounds; round++) {
    const origin = await collector.start();
    kiosk ??= await enrolOverHttp(origin, KILL_TOKEN, "ward-resident");
    if (round > 0) await afterRestart(origin);
    let alive = true;
    let firstAnswer: () => void = () => {};
    const answeredOnce = new Promise<void>((done) => {
      firstAnswer = done;
    });
    const client = async () => {
      while (alive) {
        const batch: Response[] = [];
        const size = 1 + Math.floor(random() * 80);
        for (let i = 0; i < size; i++) {
          const resend = unanswered.length > 0 && random() < 0.15;
          const response = resend
            ? (unanswered.splice(Math.floor(random() * unanswered.length), 1)[0] as Response)
            : wardResponse(random, n++, kiosk);
          figures.sent.set(response.id, response);
          batch.push(response);
        }
        figures.requests++;
        let results: ResponsesResult["results"];
        try {
          const answer = await fetch(`${origin}/api/v1/responses`, {
            method: "POST",
            headers: headers(),
            body: JSON.stringify({ responses: batch }),
            signal: AbortSignal.timeout(20_000),
          });
          if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
          results = ResponsesResult.parse(await answer.json()).results;
        } catch {
          // Killed mid-request: stored or not, nobody was told; the device would resend.
          figures.cut++;
          unanswered.push(...batch);
          cutThisRound.push(...batch.map((r) => r.id));
          return;
        }
        figures.answered++;
        firstAnswer();
        for (const r of results) {
          if (r.status === "accepted" || r.status === "duplicate") figures.acknowledged.add(r.id);
          else figures.refused++;
        }
      }
    };
    const clients = Array.from({ length: options.concurrency }, client);
    // A random moment once it is ingesting (answered once), while the clients keep it busy.
    await Promise.race([answeredOnce, new Promise((r) => setTimeout(r, 30_000))]);
    const delay = Math.floor(random() * 800);
    figures.killDelaysMs.push(delay);
    await new Promise((r) => setTimeout(r, delay));
    await collector.kill();
    alive = false;
    await Promise.all(clients);
  }

  // A last start: the acknowledged ids are there, and whatever was cut can be resent safely.
  const origin = await collector.start();
  await afterRestart(origin);
  figures.acknowledgedBeforeLastStart = figures.acknowledged.size;
  for (let i = 0; i < unanswered.length; i += 200) {
    const batch = unanswered.slice(i, i + 200);
    const answer = await fetch(`${origin}/api/v1/responses`, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ responses: batch }),
    });
    for (const r of ResponsesResult.parse(await answer.json()).results)
      if (r.status === "accepted" || r.status === "duplicate") figures.acknowledged.add(r.id);
      else figures.refused++;
  }
  await collector.stop();
  return figures;
}

/** Which of `ids` the collector at `origin` holds, asked through POST /receipts. */
async function held(origin: string, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const stored = new Set<string>();
  for (let i = 0; i < all.length; i += 1000) {
    const answer = await fetch(`${origin}/api/v1/receipts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids: all.slice(i, i + 1000) }),
    });
    for (const id of ((await answer.json()) as { stored: string[] }).stored) stored.add(id);
  }
  return stored;
}
