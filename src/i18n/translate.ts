/**
 * A message looked up and filled in, the whole of what the catalogues ask of a translator: nested
 * groups read by a dotted key ("respondent.next") and {{name}} placeholders. No plurals, nesting or
 * formats: the catalogues use none (tests/i18n/catalogue-syntax.test.ts). This replaced i18next,
 * whose 49 KB (15 KB gzip) and set-up were the largest part of the code a respondent's phone
 * compiled and ran before the app took over from the page's first screen (issue 27).
 */

/** A catalogue, or any group of it: a message or a group of them by name. */
export interface Messages {
  readonly [name: string]: string | Messages;
}

/** The message at `key` ("group.name") in the first of `catalogues` that has one; undefined if none. */
export function lookUp(catalogues: readonly (Messages | undefined)[], key: string): string | undefined {
  const path = key.split(".");
  for (const catalogue of catalogues) {
    let node: string | Messages | undefined = catalogue;
    for (const name of path)
      node = typeof node === "object" && Object.hasOwn(node, name) ? node[name] : undefined;
    if (typeof node === "string") return node;
  }
  return undefined;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * `message` with each {{name}} replaced by values[name], in one pass (a value holding "{{x}}" is
 * not filled in again). A placeholder without a value stays as it is, as i18next left it: the
 * message shows what is missing rather than a gap.
 */
export function fill(message: string, values: Readonly<Record<string, string>>): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value ?? whole;
  });
}
