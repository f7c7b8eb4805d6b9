import type ja from "./catalogues/ja";

/** Every catalogue has exactly the keys of the Japanese one, grouped by screen. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof ja>;
