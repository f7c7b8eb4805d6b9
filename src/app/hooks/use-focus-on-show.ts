import { type Inputs, useEffect, useRef } from "preact/hooks";

/**
 * A ref whose element takes the focus when it is first shown, and again whenever `shownFor` changes:
 * a new screen in a single-page app is not a new page to a screen reader, so moving the focus to its
 * heading (or its one control) is what announces it and puts the keyboard there.
 */
export function useFocusOnShow<T extends HTMLElement>(shownFor: Inputs = []) {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), shownFor);
  return ref;
}
