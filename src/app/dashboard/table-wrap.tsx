import type { ComponentChildren } from "preact";

/**
 * A table that may scroll sideways on a narrow screen. A scrolling region has to be reachable by
 * keyboard (WCAG 2.1.1, axe's scrollable-region-focusable), so it is a named, focusable region.
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
    <section class="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
