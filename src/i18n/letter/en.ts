import type { LetterCatalogue } from "../catalogue";

const en: LetterCatalogue = {
  itemReason: {
    invitation_mistyped:
      "The code from the letter has a typo (its last character does not match). Please check the code on your letter.",
    invitation_unknown: "No letter has this code. Please check the code on your letter.",
    invitation_used: "An answer with this letter's code has already been received; each letter answers once.",
    invitation_other_survey: "This letter's code belongs to another survey.",
  },
  invitation: {
    label: "Code from your letter (9 letters and digits)",
    use: "Answer with this code",
    length: "The code has 9 letters and digits (dashes may be left out).",
    character: "The code has a character codes never use (0, O, 1, I and L are not used).",
    check: "This code is not right: please check it for a typo against your letter.",
    using: "You are answering with the letter's code {{code}}. The code is never linked to your answers.",
  },
};

export default en;
