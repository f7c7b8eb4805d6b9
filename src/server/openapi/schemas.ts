import { z } from "zod/mini";
import { Account, AccountList, AccountPatch, NewAccountBody } from "../../contract/accounts";
import { AuditList } from "../../contract/audit";
import { BackupFile } from "../../contract/backup";
import { ChoiceShares } from "../../contract/choices";
import { ResponseCounts } from "../../contract/counts";
import { ErrorBody } from "../../contract/errors";
import {
  DeviceEnrollment,
  DeviceList,
  EventList,
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
import { PopulationSummary } from "../../contract/population";
import { ReceiptsBody, ReceiptsResult } from "../../contract/receipts";
import { MAX_BATCH_ITEMS, ResponsesResult } from "../../contract/responses";
import { ReviewBody, ReviewResult, ReviewSummary } from "../../contract/reviews";
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
    ErrorBody: jsonSchema(ErrorBody, "output"),
    NewEventRequest: jsonSchema(NewEventBody, "input"),
    Event: jsonSchema(KioskEvent, "output"),
    EventList: jsonSchema(EventList, "output"),
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
    AuditList: jsonSchema(AuditList, "output"),
  };
}
