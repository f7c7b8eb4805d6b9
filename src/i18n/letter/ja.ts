/** The mailed letter's code entry: loaded with it, never in a resident's first load. */
const ja = {
  itemReason: {
    invitation_mistyped:
      "お手紙の番号が正しくありません（入力の間違い）。お手紙の番号をもう一度お確かめください。",
    invitation_unknown: "お手紙の番号が見つかりません。お手紙の番号をもう一度お確かめください。",
    invitation_used: "このお手紙の番号では、すでに回答が届いています。回答はお手紙1通につき1回です。",
    invitation_other_survey: "このお手紙の番号は、別のアンケートのものです。",
  },
  invitation: {
    label: "お手紙の番号（英数字9文字）",
    use: "この番号で回答する",
    length: "番号は英数字9文字です（ハイフンはなくてもかまいません）。",
    character: "番号に使われない文字が入っています（0・O・1・I・L は使いません）。",
    check: "番号が正しくありません。打ち間違いがないか、お手紙の番号をお確かめください。",
    using: "お手紙の番号 {{code}} で回答します。番号と回答が結びつけられることはありません。",
  },
};

export default ja;
