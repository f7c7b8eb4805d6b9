import type { LetterCatalogue } from "../catalogue";

const zh_Hans: LetterCatalogue = {
  itemReason: {
    invitation_mistyped: "信中的编号有误（输入错误）。请再次核对信中的编号。",
    invitation_unknown: "找不到此编号的信件。请再次核对信中的编号。",
    invitation_used: "已收到使用此信件编号的回答；每封信只能回答一次。",
    invitation_other_survey: "此信件编号属于另一份问卷。",
  },
  invitation: {
    label: "信中的编号（9位字母和数字）",
    use: "使用此编号回答",
    length: "编号为9位字母和数字（可以不输入连字符）。",
    character: "编号中含有不使用的字符（不使用 0、O、1、I、L）。",
    check: "编号不正确。请对照信件检查是否输入错误。",
    using: "您正在使用信中的编号 {{code}} 回答。编号不会与您的回答关联。",
  },
};

export default zh_Hans;
