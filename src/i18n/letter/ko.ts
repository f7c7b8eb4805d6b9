import type { LetterCatalogue } from "../catalogue";

const ko: LetterCatalogue = {
  itemReason: {
    invitation_mistyped: "편지의 번호가 잘못 입력되었습니다. 편지의 번호를 다시 확인해 주세요.",
    invitation_unknown: "이 번호의 편지가 없습니다. 편지의 번호를 다시 확인해 주세요.",
    invitation_used: "이 편지 번호로 이미 응답이 접수되었습니다. 편지 한 통에 한 번만 응답할 수 있습니다.",
    invitation_other_survey: "이 편지 번호는 다른 설문의 것입니다.",
  },
  invitation: {
    label: "편지의 번호(영문·숫자 9자)",
    use: "이 번호로 응답하기",
    length: "번호는 영문·숫자 9자입니다(하이픈은 없어도 됩니다).",
    character: "번호에 쓰이지 않는 문자가 있습니다(0, O, 1, I, L은 쓰지 않습니다).",
    check: "번호가 올바르지 않습니다. 편지의 번호와 오타가 없는지 확인해 주세요.",
    using: "편지의 번호 {{code}}(으)로 응답합니다. 번호와 응답은 연결되지 않습니다.",
  },
};

export default ko;
