import type { AccountStorage } from "./account-storage";
import type { ApiTokenStorage } from "./api-token-storage";
import type { AuditStorage } from "./audit-storage";
import type { EventStorage } from "./event-storage";
import type { IntakeStorage } from "./intake-storage";
import type { InvitationBatchStorage } from "./invitation-batch-storage";
import type { InvitationStorage } from "./invitation-storage";
import type { PaperStorage } from "./paper-storage";
import type { PasskeyStorage } from "./passkey-storage";
import type { PopulationStorage } from "./population-storage";
import type { ResponseStorage } from "./response-storage";
import type { ResultsStorage } from "./results-storage";
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
    PaperStorage,
    TallyStorage,
    EventStorage,
    PopulationStorage,
    SessionStorage,
    VersionStorage,
    AccountStorage,
    ApiTokenStorage,
    InvitationStorage,
    PasskeyStorage,
    AuditStorage,
    ResultsStorage,
    InvitationBatchStorage {
  readonly kind: StorageKind;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}
