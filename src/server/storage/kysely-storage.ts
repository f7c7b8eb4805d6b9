import type { Kysely } from "kysely";
import { accountBy, changeAccount, hasActiveAdmin, insertAccount, listAccounts } from "./account-queries";
import { appendAudit, auditEntries } from "./audit-queries";
import { countResponses } from "./count-queries";
import type { Database } from "./database";
import {
  deviceByTokenHash,
  getEvent,
  insertDevice,
  insertEvent,
  listDevices,
  listEvents,
  revokeDevice,
  surveyOfDevice,
} from "./event-queries";
import { intakeOf, intakeSalt, pruneIntake } from "./intake-queries";
import {
  countedByMode,
  insertInvitationBatch,
  invitationBatch,
  invitationBatches,
  invitationCodes,
  invitationUse,
} from "./invitation-batch-queries";
import { migrateToLatest } from "./migrate";
import { populationOf, replacePopulation } from "./population-queries";
import { insertResponses, responsesPage, storedIds } from "./response-queries";
import { changeReview, reviewStatesOf, reviewSummary } from "./review-queries";
import {
  deleteAccountSessions,
  deleteExpiredSessions,
  deleteSession,
  forgetSignInFailures,
  insertSession,
  putSignInFailures,
  sessionByHash,
  signInFailuresOf,
} from "./session-queries";
import type { Storage, StorageKind } from "./storage";
import {
  countChoices,
  countOptions,
  countOptionsByGroups,
  countOptionsByWave,
  countOptionsWithBreakdown,
  versionsByWave,
} from "./tally-queries";
import { insertVersion, versionKeys, versionOf, versionsOf } from "./version-queries";

/** The Storage over either dialect: the queries are the same Kysely code for both. */
export function createKyselyStorage(db: Kysely<Database>, kind: StorageKind): Storage {
  return {
    kind,
    migrate: () => migrateToLatest(db),
    insertResponses: (rows, receivedAt, intake) => insertResponses(db, rows, receivedAt, intake, kind),
    intakeSalt: (windowStart, candidate) => intakeSalt(db, windowStart, candidate),
    intakeOf: (windowStart, source) => intakeOf(db, windowStart, source),
    pruneIntake: (before) => pruneIntake(db, before),
    reviewSummary: (surveyId) => reviewSummary(db, surveyId),
    changeReview: (change) => changeReview(db, change, kind),
    reviewStatesOf: (ids) => reviewStatesOf(db, ids),
    storedIds: (ids) => storedIds(db, ids),
    countOptions: (query) => countOptions(db, query),
    countOptionsByWave: (query) => countOptionsByWave(db, query),
    versionsByWave: (surveyId) => versionsByWave(db, surveyId),
    countOptionsByGroups: (query) => countOptionsByGroups(db, query),
    countOptionsWithBreakdown: (query) => countOptionsWithBreakdown(db, query),
    countChoices: (query) => countChoices(db, query),
    countResponses: (query) => countResponses(db, query),
    replacePopulation: (surveyId, totals) => replacePopulation(db, surveyId, totals),
    populationOf: (surveyId) => populationOf(db, surveyId),
    insertSession: (session) => insertSession(db, session),
    sessionByHash: (idHash) => sessionByHash(db, idHash),
    deleteSession: (idHash) => deleteSession(db, idHash),
    deleteExpiredSessions: (now) => deleteExpiredSessions(db, now),
    deleteAccountSessions: (accountId) => deleteAccountSessions(db, accountId),
    signInFailuresOf: (key) => signInFailuresOf(db, key),
    putSignInFailures: (key, failures) => putSignInFailures(db, key, failures),
    forgetSignInFailures: (key, before) => forgetSignInFailures(db, key, before),
    insertAccount: (account) => insertAccount(db, account),
    accountById: (id) => accountBy(db, "id", id),
    accountByLogin: (login) => accountBy(db, "login", login),
    listAccounts: () => listAccounts(db),
    changeAccount: (id, change) => changeAccount(db, id, change),
    hasActiveAdmin: () => hasActiveAdmin(db),
    appendAudit: (entry) => appendAudit(db, entry),
    auditEntries: (query) => auditEntries(db, query),
    responsesPage: (query) => responsesPage(db, query),
    insertEvent: (event) => insertEvent(db, event),
    listEvents: (surveyId) => listEvents(db, surveyId),
    getEvent: (id) => getEvent(db, id),
    insertDevice: (device, tokenHash) => insertDevice(db, device, tokenHash),
    listDevices: (eventId) => listDevices(db, eventId),
    deviceByTokenHash: (tokenHash) => deviceByTokenHash(db, tokenHash),
    revokeDevice: (id, at) => revokeDevice(db, id, at),
    surveyOfDevice: (id) => surveyOfDevice(db, id),
    insertVersion: (version) => insertVersion(db, version),
    versionKeys: () => versionKeys(db),
    versionOf: (surveyId, version) => versionOf(db, surveyId, version),
    versionsOf: (surveyId) => versionsOf(db, surveyId),
    insertInvitationBatch: (batch, makeCode) => insertInvitationBatch(db, batch, makeCode),
    invitationBatch: (id) => invitationBatch(db, id),
    invitationBatches: (surveyId) => invitationBatches(db, surveyId),
    invitationCodes: (batchId, which) => invitationCodes(db, batchId, which),
    invitationUse: (surveyId, wave) => invitationUse(db, surveyId, wave),
    countedByMode: (surveyId, wave) => countedByMode(db, surveyId, wave),
    close: () => db.destroy(),
  };
}
