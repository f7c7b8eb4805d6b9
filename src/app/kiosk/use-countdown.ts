import { useEffect, useRef, useState } from "preact/hooks";

/** Seconds left of `ms`, ticking each second; calls onDone once at zero. */
export function useCountdown(ms: number, onDone: () => void): number {
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const started = Date.now();
    const tick = setInterval(
      () => setLeft(Math.max(0, Math.ceil((ms - (Date.now() - started)) / 1000))),
      1000,
    );
    const end = setTimeout(() => done.current(), ms);
    return () => {
      clearInterval(tick);
      clearTimeout(end);
    };
  }, [ms]);
  return left;
}
