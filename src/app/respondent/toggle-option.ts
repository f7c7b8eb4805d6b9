/**
 * A multiple-choice answer after ticking or unticking one option. An exclusive option (「特にない」)
 * clears the others, and ticking any other clears the exclusive ones, so the answer never holds both.
 */
export function toggleOption(
  selected: readonly string[],
  optionId: string,
  checked: boolean,
  exclusive: readonly string[],
): string[] {
  if (!checked) return selected.filter((id) => id !== optionId);
  if (exclusive.includes(optionId)) return [optionId];
  return [...selected.filter((id) => id !== optionId && !exclusive.includes(id)), optionId];
}
