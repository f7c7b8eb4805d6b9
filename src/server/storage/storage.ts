import type { AccountStorage } from "./account-storage";
import type { AuditStorage } from "./audit-storage";
import type { EventStorage } from "./event-storage";
import type { IntakeStorage } from "./intake-storage";
import type { InvitationBatchStorage } from "./invitation-batch-storage";
import type { PopulationStorage } from "./population-storage";
import type { ResponseStorage } from "./response-storage";
import type { ReviewStorage } from "./review-storage";
import type { SessionStorage } from "./session-storage";
import type { TallyStorage } from "./tally-storage";
import type { VersionStorage } from "./version-storage";

export type StorageKind = "sqlite" | "postgres";

/**
 * The only way the collector reaches its database; all SQL lives behind it, in the *-queries
 * modules. One interface per concern, so a route or module names only the part it uses.
 */
export interface Storage
  extends ResponseStorage,
    IntakeStorage,
    ReviewStorage,
    TallyStorage,
    EventStorage,
    PopulationStorage,
    SessionStorage,
    VersionStorage,
    AccountStorage,
    AuditStorage,
    InvitationBatchStorage {
  readonly kind: StorageKind;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
