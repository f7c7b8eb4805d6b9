import { PaperFormList } from "../../contract/paper-forms";
import { organizerFetch } from "./organizer-fetch";

/** The survey's paper forms whose keyings differ, keyings side by side (GET …/paper-forms). */
export async function fetchDisputedForms(surveyId: string): Promise<PaperFormList> {
  const response = await organizerFetch(
    `/surveys/${encodeURIComponent(surveyId)}/paper-forms?status=disputed`,
  );
  return PaperFormList.parse(await response.json());
}
