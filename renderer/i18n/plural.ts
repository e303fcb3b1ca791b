/** "1 stamp", "3 stamps": a count with its word, in either language. */
export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;
