import { useRef, useState } from "preact/hooks";
import { UnauthorizedError } from "../../collector/organizer-fetch";
import { useOneAtATime } from "../../hooks/use-one-at-a-time";
import { collectorProblem, type ProblemText } from "../collector-problem";

/**
 * One action of the account section at a time: a refused session goes to onUnauthorized, any other
 * refusal becomes the panel's problem, in the reader's language; `then` runs after it went well.
 */
export function useAccountAction(onUnauthorized: () => void) {
  const [busy, once] = useOneAtATime();
  const [problem, setProblem] = useState<ProblemText>();
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const run = (action: () => Promise<unknown>, then?: () => void) =>
    once(async () => {
      try {
        await action();
        setProblem(undefined);
        then?.();
      } catch (error) {
        if (error instanceof UnauthorizedError) unauthorized.current();
        else setProblem(collectorProblem(error));
      }
    });
  return { busy, problem, run };
}
