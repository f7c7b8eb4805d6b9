import { z } from "zod/mini";
import {
  EndedSessions,
  PasswordChangeBody,
  PasswordSetBody,
  SessionList,
} from "../../contract/account-sessions";
import { Account, AccountList, AccountPatch, NewAccountBody } from "../../contract/accounts";
import { ApiTokenList, CreatedApiToken, NewApiTokenBody } from "../../contract/api-tokens";
import { AuditList } from "../../contract/audit";
import { BackupFile } from "../../contract/backup";
import { ChoiceShares } from "../../contract/choices";
import { ResponseCounts } from "../../contract/counts";
import { ErrorBody } from "../../contract/errors";
import {
  DeviceEnrollment,
  DeviceList,
  DevicePatch,
  EventList,
  EventPatch,
  KioskDevice,
  KioskEvent,
  NewDeviceBody,
  NewEventBody,
} from "../../contract/events";
import { Health } from "../../contract/health";
import { ImportSummary } from "../../contract/imports";
import {
  InvitationBatchCreated,
  InvitationBatchList,
  NewInvitationBatchBody,
  ResponseRate,
} from "../../contract/invitation-batches";
import {
  AcceptInvitationBody,
  CreatedInvitation,
  InvitationList,
  InvitationLookupBody,
  InvitationPreview,
  NewInvitationBody,
} from "../../contract/invitations";
import { PaperFormList } from "../../contract/paper-forms";
import {
  NewPasskeyBody,
  Passkey,
  PasskeyList,
  PasskeySignInBody,
  PasskeySignInOptionsBody,
} from "../../contract/passkeys";
import { PopulationSets, PopulationSummary } from "../../contract/population";
import { ReceiptsBody, ReceiptsResult } from "../../contract/receipts";
import { MAX_BATCH_ITEMS, ResponsesResult } from "../../contract/responses";
import {
  PublishedResults,
  PublishedResultsList,
  PublishResultsBody,
  ResultsSnapshot,
} from "../../contract/results";
import { ReviewBody, ReviewResult, ReviewSummary, UndoBody } from "../../contract/reviews";
import { SessionState, SignInBody } from "../../contract/session";
import { SurveyList } from "../../contract/surveys";
import { Tallies } from "../../contract/tallies";
import { Trend } from "../../contract/trend";
import { DryRunResult, InvalidWorkbookBody, PublishedVersion, VersionList } from "../../contract/versions";
import { SurveyDefinition } from "../../domain/definition";
import { Response } from "../../domain/response";
import { jsonSchema } from "./parts";

// The route reads items as unknown to judge each alone; the document says what each should be.
const ResponsesRequest = z.object({ responses: z.array(Response).check(z.maxLength(MAX_BATCH_ITEMS)) });

/** components.schemas: every body of the contract, generated from the zod schemas the routes use. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  return {
    Health: jsonSchema(Health, "output"),
    SurveyList: jsonSchema(SurveyList, "output"),
    SurveyDefinition: jsonSchema(SurveyDefinition, "output"),
    Response: jsonSchema(Response, "input"),
    ResponsesRequest: jsonSchema(ResponsesRequest, "input"),
    ResponsesResult: jsonSchema(ResponsesResult, "output"),
    ReceiptsRequest: jsonSchema(ReceiptsBody, "input"),
    ReceiptsResult: jsonSchema(ReceiptsResult, "output"),
    Tallies: jsonSchema(Tallies, "output"),
    BackupFile: jsonSchema(BackupFile, "input"),
    ImportSummary: jsonSchema(ImportSummary, "output"),
    ChoiceShares: jsonSchema(ChoiceShares, "output"),
    Trend: jsonSchema(Trend, "output"),
    ResponseCounts: jsonSchema(ResponseCounts, "output"),
    PopulationSummary: jsonSchema(PopulationSummary, "output"),
    PopulationSets: jsonSchema(PopulationSets, "output"),
    ErrorBody: jsonSchema(ErrorBody, "output"),
    NewEventRequest: jsonSchema(NewEventBody, "input"),
    Event: jsonSchema(KioskEvent, "output"),
    EventList: jsonSchema(EventList, "output"),
    EventPatchRequest: jsonSchema(EventPatch, "input"),
    DevicePatchRequest: jsonSchema(DevicePatch, "input"),
    NewDeviceRequest: jsonSchema(NewDeviceBody, "input"),
    Device: jsonSchema(KioskDevice, "output"),
    DeviceEnrollment: jsonSchema(DeviceEnrollment, "output"),
    DeviceList: jsonSchema(DeviceList, "output"),
    NewInvitationBatchRequest: jsonSchema(NewInvitationBatchBody, "input"),
    InvitationBatchCreated: jsonSchema(InvitationBatchCreated, "output"),
    InvitationBatchList: jsonSchema(InvitationBatchList, "output"),
    ResponseRate: jsonSchema(ResponseRate, "output"),
    ReviewRequest: jsonSchema(ReviewBody, "input"),
    ReviewResult: jsonSchema(ReviewResult, "output"),
    ReviewSummary: jsonSchema(ReviewSummary, "output"),
    UndoRequest: jsonSchema(UndoBody, "input"),
    DryRunResult: jsonSchema(DryRunResult, "output"),
    PublishedVersion: jsonSchema(PublishedVersion, "output"),
    VersionList: jsonSchema(VersionList, "output"),
    InvalidWorkbook: jsonSchema(InvalidWorkbookBody, "output"),
    SignInRequest: jsonSchema(SignInBody, "input"),
    SessionState: jsonSchema(SessionState, "output"),
    Account: jsonSchema(Account, "output"),
    AccountList: jsonSchema(AccountList, "output"),
    NewAccountRequest: jsonSchema(NewAccountBody, "input"),
    AccountPatchRequest: jsonSchema(AccountPatch, "input"),
    SessionList: jsonSchema(SessionList, "output"),
    EndedSessions: jsonSchema(EndedSessions, "output"),
    PasswordChangeRequest: jsonSchema(PasswordChangeBody, "input"),
    PasswordSetRequest: jsonSchema(PasswordSetBody, "input"),
    ApiTokenList: jsonSchema(ApiTokenList, "output"),
    NewApiTokenRequest: jsonSchema(NewApiTokenBody, "input"),
    CreatedApiToken: jsonSchema(CreatedApiToken, "output"),
    InvitationList: jsonSchema(InvitationList, "output"),
    NewInvitationRequest: jsonSchema(NewInvitationBody, "input"),
    CreatedInvitation: jsonSchema(CreatedInvitation, "output"),
    InvitationLookupRequest: jsonSchema(InvitationLookupBody, "input"),
    InvitationPreview: jsonSchema(InvitationPreview, "output"),
    AcceptInvitationRequest: jsonSchema(AcceptInvitationBody, "input"),
    Passkey: jsonSchema(Passkey, "output"),
    PasskeyList: jsonSchema(PasskeyList, "output"),
    NewPasskeyRequest: jsonSchema(NewPasskeyBody, "input"),
    PasskeySignInOptionsRequest: jsonSchema(PasskeySignInOptionsBody, "input"),
    PasskeySignInRequest: jsonSchema(PasskeySignInBody, "input"),
    AuditList: jsonSchema(AuditList, "output"),
    PaperFormList: jsonSchema(PaperFormList, "output"),
    PublishResultsRequest: jsonSchema(PublishResultsBody, "input"),
    ResultsSnapshot: jsonSchema(ResultsSnapshot, "output"),
    PublishedResults: jsonSchema(PublishedResults, "output"),
    PublishedResultsList: jsonSchema(PublishedResultsList, "output"),
  };
}
