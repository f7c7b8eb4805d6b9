import type { LetterCatalogue } from "../catalogue";

const ja_x_easy: LetterCatalogue = {
  itemReason: {
    invitation_mistyped: "てがみの ばんごうが ちがいます。もう いちど みて ください。",
    invitation_unknown: "てがみの ばんごうが ありません。もう いちど みて ください。",
    invitation_used: "この てがみの ばんごうで もう こたえが とどいて います。こたえは 1かい だけです。",
    invitation_other_survey: "この てがみの ばんごうは べつの アンケートの ものです。",
  },
  invitation: {
    label: "てがみの ばんごう（9もじ）",
    use: "この ばんごうで こたえる",
    length: "ばんごうは 9もじ です。",
    character: "ばんごうに つかわない もじが あります（0・O・1・I・L は つかいません）。",
    check: "ばんごうが ちがいます。てがみの ばんごうを もう いちど みて ください。",
    using: "てがみの ばんごう {{code}} で こたえます。ばんごうと こたえは むすびつけません。",
  },
};

export default ja_x_easy;
