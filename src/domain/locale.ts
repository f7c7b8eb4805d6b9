import "./zod-config";
import { z } from "zod/mini";
import { LOCALES } from "./locales";

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A text in several languages. Japanese is always present: it is the survey's source language. */
export const LocalizedText = z
  .partialRecord(Locale, z.string().check(z.trim(), z.minLength(1, "must not be empty")))
  .check(z.refine((text) => typeof text.ja === "string", { message: "needs a Japanese (ja) text" }));
export type LocalizedText = z.infer<typeof LocalizedText>;
