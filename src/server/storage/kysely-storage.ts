import type { Kysely } from "kysely";
import {
  accountBy,
  changeAccount,
  countActiveAdmins,
  hasActiveAdmin,
  insertAccount,
  listAccounts,
} from "./account-queries";
import {
  apiTokenByHash,
  apiTokensOf,
  insertApiToken,
  revokeApiToken,
  touchApiToken,
} from "./api-token-queries";
import { appendAudit, auditEntries } from "./audit-queries";
import { countResponses } from "./count-queries";
import type { Database } from "./database";
import {
  changeEvent,
  deleteEmptyEvent,
  deviceByTokenHash,
  getEvent,
  insertDevice,
  insertEvent,
  listDevices,
  listEvents,
  noteDeviceSync,
  renameDevice,
  revokeDevice,
  surveyOfDevice,
} from "./event-queries";
import { intakeOf, intakeSalt, pruneIntake } from "./intake-queries";
import {
  consumeInvitation,
  insertInvitation,
  invitationByHash,
  openInvitations,
  releaseInvitation,
  revokeInvitation,
} from "./invitation-queries";
import { migrateToLatest } from "./migrate";
import { paperForms, settlePaperForms } from "./paper-queries";
import {
  deletePasskey,
  insertChallenge,
  insertPasskey,
  passkeyById,
  passkeysOf,
  takeChallenge,
  usePasskey,
} from "./passkey-queries";
import { populationOf, populationSets, replacePopulation } from "./population-queries";
import { insertResponses, responsesPage, storedIds } from "./response-queries";
import { insertPublication, livePublication, livePublications, unpublish } from "./results-queries";
import { changeReview, reviewChanges, reviewStatesOf, reviewSummary, undoReview } from "./review-queries";
import {
  accountSessions,
  deleteAccountSession,
  deleteAccountSessions,
  deleteExpiredSessions,
  deleteSession,
  forgetSignInFailures,
  insertSession,
  putSignInFailures,
  sessionByHash,
  signInFailuresOf,
  touchSession,
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
    insertResponses: (rows, receivedAt, intake) => insertResponses(db, rows, receivedAt, intake),
    intakeSalt: (windowStart, candidate) => intakeSalt(db, windowStart, candidate),
    intakeOf: (windowStart, source) => intakeOf(db, windowStart, source),
    pruneIntake: (before) => pruneIntake(db, before),
    reviewSummary: (surveyId) => reviewSummary(db, surveyId),
    changeReview: (change) => changeReview(db, change, kind),
    undoReview: (undo) => undoReview(db, undo, kind),
    reviewChanges: (surveyId, limit) => reviewChanges(db, surveyId, limit),
    reviewStatesOf: (ids) => reviewStatesOf(db, ids),
    settlePaperForms: (surveyId, forms, choiceQuestions) =>
      settlePaperForms(db, kind, surveyId, forms, choiceQuestions),
    paperForms: (surveyId, status) => paperForms(db, surveyId, status),
    storedIds: (ids) => storedIds(db, ids),
    countOptions: (query) => countOptions(db, query),
    countOptionsByWave: (query) => countOptionsByWave(db, query),
    versionsByWave: (surveyId) => versionsByWave(db, surveyId),
    countOptionsByGroups: (query) => countOptionsByGroups(db, query),
    countOptionsWithBreakdown: (query) => countOptionsWithBreakdown(db, query),
    countChoices: (query) => countChoices(db, query),
    countResponses: (query) => countResponses(db, query),
    replacePopulation: (surveyId, wave, totals) => replacePopulation(db, surveyId, wave, totals),
    populationOf: (surveyId, wave) => populationOf(db, surveyId, wave),
    populationSets: (surveyId) => populationSets(db, surveyId),
    insertSession: (session) => insertSession(db, session),
    sessionByHash: (idHash) => sessionByHash(db, idHash),
    deleteSession: (idHash) => deleteSession(db, idHash),
    deleteExpiredSessions: (now) => deleteExpiredSessions(db, now),
    deleteAccountSessions: (accountId, except) => deleteAccountSessions(db, accountId, except),
    accountSessions: (accountId, now) => accountSessions(db, accountId, now),
    deleteAccountSession: (accountId, handle) => deleteAccountSession(db, accountId, handle),
    touchSession: (idHash, at) => touchSession(db, idHash, at),
    signInFailuresOf: (key) => signInFailuresOf(db, key),
    putSignInFailures: (key, failures) => putSignInFailures(db, key, failures),
    forgetSignInFailures: (key, before) => forgetSignInFailures(db, key, before),
    insertAccount: (account) => insertAccount(db, account),
    accountById: (id) => accountBy(db, "id", id),
    accountByLogin: (login) => accountBy(db, "login", login),
    listAccounts: () => listAccounts(db),
    changeAccount: (id, change) => changeAccount(db, id, change),
    hasActiveAdmin: () => hasActiveAdmin(db),
    countActiveAdmins: () => countActiveAdmins(db),
    insertApiToken: (token) => insertApiToken(db, token),
    apiTokensOf: (accountId) => apiTokensOf(db, accountId),
    apiTokenByHash: (tokenHash) => apiTokenByHash(db, tokenHash),
    revokeApiToken: (accountId, id, at) => revokeApiToken(db, accountId, id, at),
    touchApiToken: (id, at) => touchApiToken(db, id, at),
    insertInvitation: (invitation) => insertInvitation(db, invitation),
    openInvitations: (now) => openInvitations(db, now),
    invitationByHash: (tokenHash) => invitationByHash(db, tokenHash),
    consumeInvitation: (tokenHash, at, accountId) => consumeInvitation(db, tokenHash, at, accountId),
    releaseInvitation: (id) => releaseInvitation(db, id),
    revokeInvitation: (id, at) => revokeInvitation(db, id, at),
    insertPasskey: (passkey) => insertPasskey(db, passkey),
    passkeysOf: (accountId) => passkeysOf(db, accountId),
    passkeyById: (id) => passkeyById(db, id),
    usePasskey: (id, counter, at) => usePasskey(db, id, counter, at),
    deletePasskey: (accountId, id) => deletePasskey(db, accountId, id),
    insertChallenge: (challenge, now) => insertChallenge(db, challenge, now),
    takeChallenge: (challenge) => takeChallenge(db, challenge),
    appendAudit: (entry) => appendAudit(db, entry),
    auditEntries: (query) => auditEntries(db, query),
    responsesPage: (query) => responsesPage(db, query),
    insertEvent: (event) => insertEvent(db, event),
    listEvents: (surveyId) => listEvents(db, surveyId),
    getEvent: (id) => getEvent(db, id),
    changeEvent: (id, change) => changeEvent(db, id, change),
    deleteEmptyEvent: (id, at) => deleteEmptyEvent(db, id, at),
    insertDevice: (device, tokenHash) => insertDevice(db, device, tokenHash),
    listDevices: (eventId) => listDevices(db, eventId),
    deviceByTokenHash: (tokenHash) => deviceByTokenHash(db, tokenHash),
    revokeDevice: (id, at) => revokeDevice(db, id, at),
    renameDevice: (id, label) => renameDevice(db, id, label),
    noteDeviceSync: (id, at, notBefore) => noteDeviceSync(db, id, at, notBefore),
    surveyOfDevice: (id) => surveyOfDevice(db, id),
    insertVersion: (version) => insertVersion(db, version),
    versionKeys: () => versionKeys(db),
    versionOf: (surveyId, version) => versionOf(db, surveyId, version),
    versionsOf: (surveyId) => versionsOf(db, surveyId),
    insertPublication: (key, snapshotOf) => insertPublication(db, key, snapshotOf),
    unpublish: (surveyId, wave, at, by) => unpublish(db, surveyId, wave, at, by),
    livePublication: (surveyId, wave) => livePublication(db, surveyId, wave),
    livePublications: (surveyId) => livePublications(db, surveyId),
    close: () => db.destroy(),
  };
}
