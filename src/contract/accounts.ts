import "../domain/zod-config";
import { z } from "zod/mini";
import { SurveyId } from "../domain/definition";

/**
 * What an account may do, highest first: each role may do all that the roles below it may
 * (src/server/auth/route-roles.ts says which role each route needs). A role may be added, never
 * renamed: accounts and the audit log keep them.
 */
export const ROLES = ["admin", "analyst", "field_staff", "data_entry"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Which surveys an account sees: every one, or only those listed (one ward of a shared collector). */
export const SurveyScope = z.union([
  z.literal("all"),
  z.array(SurveyId).check(z.minLength(1), z.maxLength(200)),
]);
export type SurveyScope = z.infer<typeof SurveyScope>;

/** A login as typed at sign-in: lower-case letters, digits and . _ -, so two logins never look alike. */
export const Login = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{1,63}$/));
/** At least 12 characters (NIST SP 800-63B's minimum is 8; an office account guards every answer). */
export const Password = z.string().check(z.minLength(12), z.maxLength(256));
export const DisplayName = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** An account as the collector answers it: never its password hash. */
export const Account = z.object({
  id: z.string(),
  login: Login,
  displayName: z.string(),
  role: Role,
  surveys: SurveyScope,
  createdAt: z.string(),
  /** When an admin disabled it; a disabled account signs in to nothing and its sessions stop. */
  disabledAt: z.nullable(z.string()),
});
export type Account = z.infer<typeof Account>;

/** POST /accounts (admin). */
export const NewAccountBody = z.object({
  login: Login,
  displayName: DisplayName,
  role: Role,
  surveys: SurveyScope,
  password: Password,
});
export type NewAccountBody = z.infer<typeof NewAccountBody>;

/** PATCH /accounts/:id (admin): what changes; at least one field. */
export const AccountPatch = z
  .object({
    displayName: z.optional(DisplayName),
    role: z.optional(Role),
    surveys: z.optional(SurveyScope),
    disabled: z.optional(z.boolean()),
  })
  .check(
    z.refine(
      (p) => Object.values(p).some((v) => v !== undefined),
      "name at least one of displayName, role, surveys, disabled",
    ),
  );
export type AccountPatch = z.infer<typeof AccountPatch>;

/** GET /accounts (admin). */
export const AccountList = z.object({ accounts: z.array(Account) });
export type AccountList = z.infer<typeof AccountList>;
