import type { Migration, MigrationProvider } from "kysely/migration";
import * as responses from "./2026_11_25_0001_responses";
import * as answerChoices from "./2026_11_25_0002_answer_choices";
import * as events from "./2026_11_26_3001_events";
import * as kioskDevices from "./2026_11_26_3002_kiosk_devices";
import * as populationTotals from "./2026_11_26_4001_population_totals";
import * as organizerSessions from "./2026_11_26_4002_organizer_sessions";
import * as answerChoicesCovering from "./2026_11_26_4003_answer_choices_covering";
import * as reviewStates from "./2026_12_07_0001_review_states";
import * as sessionTokenMac from "./2026_12_07_0002_session_token_mac";
import * as surveyVersions from "./2026_12_07_0003_survey_versions";
import * as accounts from "./2026_12_07_2201_accounts";
import * as auditLog from "./2026_12_07_2202_audit_log";
import * as invitationCodes from "./2026_12_08_21a1_invitations";
import * as paperKeyings from "./2026_12_08_21b1_paper_keyings";
import * as reviewChanges from "./2026_12_08_21b2_review_changes";
import * as populationWaves from "./2026_12_08_21c1_population_waves";
import * as sessionHandles from "./2026_12_08_22a1_session_handles";
import * as apiTokens from "./2026_12_08_22a2_api_tokens";
import * as invitations from "./2026_12_08_22a3_invitations";
import * as passkeys from "./2026_12_08_22a4_passkeys";
import * as eventLifecycle from "./2026_12_08_22d1_event_lifecycle";
import * as resultsPublications from "./2026_12_08_23a1_results_publications";

/**
 * Every migration by its date-stamped name, listed here rather than found by scanning a folder, so a
 * bundled or relocated collector runs exactly these. Names sort in the order they must run.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "2026_11_25_0001_responses": responses,
  "2026_11_25_0002_answer_choices": answerChoices,
  "2026_11_26_3001_events": events,
  "2026_11_26_3002_kiosk_devices": kioskDevices,
  "2026_11_26_4001_population_totals": populationTotals,
  "2026_11_26_4002_organizer_sessions": organizerSessions,
  "2026_11_26_4003_answer_choices_covering": answerChoicesCovering,
  "2026_12_07_0001_review_states": reviewStates,
  "2026_12_07_0002_session_token_mac": sessionTokenMac,
  "2026_12_07_0003_survey_versions": surveyVersions,
  "2026_12_07_2201_accounts": accounts,
  "2026_12_07_2202_audit_log": auditLog,
  "2026_12_08_21a1_invitations": invitationCodes,
  "2026_12_08_21b1_paper_keyings": paperKeyings,
  "2026_12_08_21b2_review_changes": reviewChanges,
  "2026_12_08_21c1_population_waves": populationWaves,
  "2026_12_08_22a1_session_handles": sessionHandles,
  "2026_12_08_22a2_api_tokens": apiTokens,
  "2026_12_08_22a3_invitations": invitations,
  "2026_12_08_22a4_passkeys": passkeys,
  "2026_12_08_22d1_event_lifecycle": eventLifecycle,
  "2026_12_08_23a1_results_publications": resultsPublications,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
