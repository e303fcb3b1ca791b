/** Editing a list in the program form: one item replaced, one removed. */
export const replaced = <T>(list: readonly T[], index: number, patch: Partial<T>): T[] =>
  list.map((item, i) => (i === index ? { ...item, ...patch } : item));

export const without = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, i) => i !== index);
