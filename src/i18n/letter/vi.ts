import type { LetterCatalogue } from "../catalogue";

const vi: LetterCatalogue = {
  itemReason: {
    invitation_mistyped:
      "Mã trong thư bị gõ sai (ký tự kiểm tra không khớp). Vui lòng kiểm tra lại mã trong thư.",
    invitation_unknown: "Không có thư nào mang mã này. Vui lòng kiểm tra lại mã trong thư.",
    invitation_used: "Đã nhận được câu trả lời với mã của thư này; mỗi thư chỉ trả lời một lần.",
    invitation_other_survey: "Mã của thư này thuộc về một khảo sát khác.",
  },
  invitation: {
    label: "Mã trong thư (9 chữ và số)",
    use: "Trả lời với mã này",
    length: "Mã gồm 9 chữ và số (có thể bỏ dấu gạch).",
    character: "Mã có ký tự không dùng trong mã (không dùng 0, O, 1, I, L).",
    check: "Mã không đúng. Vui lòng đối chiếu với thư để kiểm tra lỗi gõ.",
    using: "Bạn đang trả lời với mã trong thư {{code}}. Mã không bao giờ được gắn với câu trả lời của bạn.",
  },
};

export default vi;
