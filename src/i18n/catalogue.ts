import type ja from "./catalogues/ja";
import type letterJa from "./letter/ja";
import type staffJa from "./staff/ja";

/** Every catalogue has exactly the keys of the Japanese one, grouped by screen. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** What every screen a resident may meet needs: the respondent's flow, status, settings. */
export type Catalogue = Shape<typeof ja>;
/** The staff screens' (dashboard, kiosk, enrollment, flyer): never in a resident's first load. */
export type StaffCatalogue = Shape<typeof staffJa>;

/** The mailed letter's code entry (src/app/respondent/invitation-entry.tsx): loaded with that chunk. */
export type LetterCatalogue = Shape<typeof letterJa>;
