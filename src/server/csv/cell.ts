/**
 * One CSV field per RFC 4180, safe to open in Excel. A text that starts with = + - @ (or a tab or
 * CR) would run as a formula (CSV injection), so it gets a leading apostrophe. Excel also reads a
 * formula after leading blanks, and Japanese Excel turns the fullwidth ＝ ＋ － ＠ an IME types into
 * their ASCII twins, so those count too, as do the blanks a resident's phone or a copied text puts
 * first: any whitespace (space, NBSP, U+3000, tab, CR, LF) and the invisible zero-width characters
 * and BOM. Numbers are written by us, never as a formula, and keep their sign so Excel still reads
 * -3 as a number.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
