import { readFileSync } from "node:fs";
import { SurveyDefinition } from "../src/domain/definition";
import type { Answers, Response } from "../src/domain/response";
import { uuidv7 } from "../src/domain/uuid";
import { visibleQuestions } from "../src/domain/visibility";

const def = SurveyDefinition.parse(JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")));

/**
 * Made-up residents, so the dashboard has numbers for screenshots and audits: a seeded generator
 * keeps the pictures stable.
 */
export function seededResponses(count: number): Response[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const answers: Answers = {};
    for (const q of def.questions) {
      if (!visibleQuestions(def, answers).some((v) => v.id === q.id)) continue;
      if (q.kind === "single") {
        // Lean towards the first options and a few areas, so some groups fall below minCell.
        const options = q.id === "q_area" ? q.options.slice(0, 4) : q.options;
        answers[q.id] = (random() < 0.55 ? options[0] : pick(options))?.id ?? "";
      } else if (q.kind === "multiple")
        answers[q.id] = [pick(q.options.filter((o) => !q.exclusive.includes(o.id))).id];
      else if (q.kind === "number") answers[q.id] = Math.floor(random() * 30);
    }
    return {
      id: uuidv7(Date.now() - i * 60_000),
      surveyId: def.id,
      surveyVersion: def.version,
      submittedAt: new Date(Date.now() - i * 60_000).toISOString(),
      locale: "ja",
      mode: "self",
      answers,
    };
  });
}

/** Posts them to a collector's API. */
export async function seedCollector(base: string, count: number): Promise<void> {
  const res = await fetch(`${base}/api/v1/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ responses: seededResponses(count) }),
  });
  if (!res.ok) throw new Error(`seeding failed: HTTP ${res.status}`);
}
