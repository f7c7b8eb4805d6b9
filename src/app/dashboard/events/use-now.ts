import { useEffect, useState } from "preact/hooks";

/** This browser's clock, read again every `everyMs`: "3 minutes ago" must not stay 3 for an hour. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
