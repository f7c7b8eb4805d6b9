/**
 * The id rules of src/domain/definition.ts, checked here too so that a bad name is reported with
 * its own code at its cell; the domain's schema still checks the definition as a whole afterwards.
 */
export const NAME = /^[a-z][a-z0-9_]{0,63}$/;
export const SURVEY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
