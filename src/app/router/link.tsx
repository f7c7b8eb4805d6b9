import type { ComponentChildren } from "preact";
import { navigate } from "./history";

interface LinkProps {
  href: string;
  class?: string;
  /** "page" on the link to the page shown (a navigation's current item). */
  "aria-current"?: "page" | undefined;
  children: ComponentChildren;
}

/** An ordinary link that navigates in place; a modified click (new tab, download) is left to the browser. */
export function Link({ href, class: className, "aria-current": current, children }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={current} onClick={onClick}>
      {children}
    </a>
  );
}
