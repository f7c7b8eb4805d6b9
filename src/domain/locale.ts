import { z } from "zod";
import { LOCALES } from "./locales";

export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A text in several languages. Japanese is always present: it is the survey's source language. */
export const LocalizedText = z
  .partialRecord(Locale, z.string().trim().min(1, "must not be empty"))
  .refine((text) => typeof text.ja === "string", { message: "needs a Japanese (ja) text" });
export type LocalizedText = z.infer<typeof LocalizedText>;
