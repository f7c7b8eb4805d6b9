import { useEffect, useRef } from "preact/hooks";

const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart"] as const;

/**
 * Calls onIdle once after `idleMs` without a touch, key or input anywhere on the page, while
 * `active`; any activity starts the wait again.
 */
export function useIdle(active: boolean, idleMs: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => callback.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), idleMs);
    };
    for (const type of ACTIVITY) document.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, restart, { capture: true });
    };
  }, [active, idleMs]);
}
