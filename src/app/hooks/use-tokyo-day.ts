import { useEffect, useState } from "preact/hooks";
import { tokyoDay } from "../../domain/tokyo-day";

const DAY_MS = 24 * 3600_000;

/**
 * Today in Tokyo (YYYY-MM-DD) by this device's clock, changing at Tokyo's midnight: a kiosk left on
 * a survey's intro overnight turns to the closed notice the morning after its last day, with no
 * reload.
 */
export function useTokyoDay(): string {
  const [day, setDay] = useState(() => tokyoDay(new Date()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const now = Date.now();
      const today = tokyoDay(new Date(now));
      setDay(today);
      // A timer may fire a little early, and a clock may be set back: check again until the day
      // turns, never sooner than a second from now.
      const nextMidnight = Date.parse(`${today}T00:00:00+09:00`) + DAY_MS;
      timer = setTimeout(check, Math.max(1000, nextMidnight - now));
    };
    check();
    return () => clearTimeout(timer);
  }, []);
  return day;
}
