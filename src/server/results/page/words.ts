import type { Locale } from "../../../domain/locales";

/**
 * The results page's own words in the ward's six languages. The collector renders the page and may
 * import only domain and contract, so these live here rather than in the app's catalogues.
 * `{x}` marks where a value goes.
 */
export interface PageWords {
  results: string;
  respondents: string;
  responseRate: string;
  ofRespondents: string;
  interval: string;
  intervalNote: string;
  targetAtLeast: string;
  targetAtMost: string;
  met: string;
  notMet: string;
  noVerdict: string;
  weighted: string;
  trend: string;
  change: string;
  seriesBreak: string;
  wave: string;
  percent: string;
  n: string;
  group: string;
  by: string;
  hidden: string;
  hiddenNote: string;
  wardWill: string;
  onlyJapanese: string;
  openData: string;
  csv: string;
  json: string;
  licence: string;
  method: string;
  methodText: string;
  published: string;
  languages: string;
  reactionQuestion: string;
  reactionYes: string;
  reactionNo: string;
  reactionComment: string;
  reactionSend: string;
  reactionThanks: string;
  reactions: string;
  indicator: string;
  wholePage: string;
}

export const PAGE_WORDS: Record<Locale, PageWords> = {
  ja: {
    results: "{wave}の結果",
    respondents: "回答者 {n} 人",
    responseRate: "回収率 {rate}%",
    ofRespondents: "回答 {n} 人のうち",
    interval: "およそ {lo}%〜{hi}%",
    intervalNote: "95%信頼区間",
    targetAtLeast: "目標 {value}% 以上",
    targetAtMost: "目標 {value}% 以下",
    met: "達成",
    notMet: "未達成",
    noVerdict: "判定なし",
    weighted: "区の人口構成で補正すると {p}%（およそ {lo}%〜{hi}%）",
    trend: "これまでの推移",
    change: "前の年度から {points} ポイント",
    seriesBreak: "設問が変わったため、前の年度とは比べられません",
    wave: "年度",
    percent: "割合",
    n: "回答者数",
    group: "区分",
    by: "{label}別",
    hidden: "非表示",
    hiddenNote: "回答が {min} 人未満の区分などは、回答した人が分からないよう数を示していません。",
    wardWill: "区の取り組み",
    onlyJapanese: "この説明は日本語のみです。",
    openData: "オープンデータ",
    csv: "CSV（Excel 用）",
    json: "JSON",
    licence: "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）で公開しています。",
    method: "集計の方法",
    methodText:
      "割合は、その設問に答えた人（「わからない」などを除く）に占める割合です。幅はウィルソン法による95%信頼区間です。",
    published: "公開日 {date}",
    languages: "言語",
    reactionQuestion: "この結果と取り組みは役に立ちましたか？",
    reactionYes: "役に立った",
    reactionNo: "役に立たなかった",
    reactionComment: "ご意見（任意）",
    reactionSend: "送る",
    reactionThanks: "ありがとうございました。区に届けます。",
    reactions: "反応 {n} 件",
    indicator: "指標",
    wholePage: "結果全体",
  },
  "ja-x-easy": {
    results: "{wave}の けっか",
    respondents: "こたえた ひと {n} にん",
    responseRate: "こたえた わりあい {rate}%",
    ofRespondents: "こたえた {n} にんの うち",
    interval: "だいたい {lo}%〜{hi}%",
    intervalNote: "95% しんらい くかん",
    targetAtLeast: "もくひょう {value}% いじょう",
    targetAtMost: "もくひょう {value}% いか",
    met: "たっせい",
    notMet: "みたっせい",
    noVerdict: "はんてい なし",
    weighted: "くの じんこうに あわせると {p}%（だいたい {lo}%〜{hi}%）",
    trend: "いままでの うごき",
    change: "まえの ねんどから {points} ポイント",
    seriesBreak: "しつもんが かわったので、まえの ねんどと くらべられません",
    wave: "ねんど",
    percent: "わりあい",
    n: "こたえた ひと",
    group: "くぶん",
    by: "{label}べつ",
    hidden: "ださない",
    hiddenNote:
      "こたえた ひとが {min} にんより すくない くぶんなどは、だれか わからないように かずを だしません。",
    wardWill: "くが すること",
    onlyJapanese: "この せつめいは にほんご だけです。",
    openData: "オープンデータ",
    csv: "CSV（Excel よう）",
    json: "JSON",
    licence: "CC BY 4.0 で こうかい して います。",
    method: "かぞえかた",
    methodText:
      "わりあいは、しつもんに こたえた ひと（「わからない」などを のぞく）の なかの わりあいです。はばは 95% しんらい くかん（ウィルソン）です。",
    published: "こうかい {date}",
    languages: "ことば",
    reactionQuestion: "この けっかと くの することは やくに たちましたか？",
    reactionYes: "やくに たった",
    reactionNo: "やくに たたなかった",
    reactionComment: "いけん（かかなくても いいです）",
    reactionSend: "おくる",
    reactionThanks: "ありがとう ございました。くに とどけます。",
    reactions: "はんのう {n} けん",
    indicator: "しひょう",
    wholePage: "けっか ぜんたい",
  },
  en: {
    results: "Results of {wave}",
    respondents: "{n} respondents",
    responseRate: "response rate {rate}%",
    ofRespondents: "of {n} respondents",
    interval: "about {lo}% to {hi}%",
    intervalNote: "95% confidence interval",
    targetAtLeast: "Target: {value}% or more",
    targetAtMost: "Target: {value}% or less",
    met: "Met",
    notMet: "Not met",
    noVerdict: "No verdict",
    weighted: "Adjusted to the ward's population: {p}% (about {lo}% to {hi}%)",
    trend: "Over the years",
    change: "{points} points from the year before",
    seriesBreak: "The question changed, so this year cannot be compared with the one before",
    wave: "Year",
    percent: "Share",
    n: "Respondents",
    group: "Group",
    by: "By {label}",
    hidden: "hidden",
    hiddenNote:
      "Groups with fewer than {min} respondents (and some beside them) are not shown, so that no one can be identified.",
    wardWill: "What the ward will do",
    onlyJapanese: "This text is in Japanese only.",
    openData: "Open data",
    csv: "CSV (for Excel)",
    json: "JSON",
    licence: "Published under Creative Commons Attribution 4.0 (CC BY 4.0).",
    method: "How the figures are made",
    methodText:
      "Each share is of the respondents who answered the question (leaving out 'don't know' and the like). The range is the 95% Wilson confidence interval.",
    published: "Published {date}",
    languages: "Languages",
    reactionQuestion: "Do these results and plans help you?",
    reactionYes: "Yes, helpful",
    reactionNo: "Not helpful",
    reactionComment: "Comment (optional)",
    reactionSend: "Send",
    reactionThanks: "Thank you. The ward will read it.",
    reactions: "{n} reactions",
    indicator: "Indicator",
    wholePage: "The results as a whole",
  },
  "zh-Hans": {
    results: "{wave}的结果",
    respondents: "回答者 {n} 人",
    responseRate: "回收率 {rate}%",
    ofRespondents: "{n} 名回答者中",
    interval: "大约 {lo}%～{hi}%",
    intervalNote: "95% 置信区间",
    targetAtLeast: "目标 {value}% 以上",
    targetAtMost: "目标 {value}% 以下",
    met: "已达成",
    notMet: "未达成",
    noVerdict: "不作判定",
    weighted: "按本区人口构成校正后为 {p}%（大约 {lo}%～{hi}%）",
    trend: "历年变化",
    change: "比上一年度 {points} 个百分点",
    seriesBreak: "问题有所变更，无法与上一年度比较",
    wave: "年度",
    percent: "比例",
    n: "回答者数",
    group: "分组",
    by: "按{label}",
    hidden: "不显示",
    hiddenNote: "回答者少于 {min} 人的分组（及部分相关分组）不显示数字，以免识别出个人。",
    wardWill: "区的措施",
    onlyJapanese: "此说明仅有日语版。",
    openData: "开放数据",
    csv: "CSV（Excel 用）",
    json: "JSON",
    licence: "以知识共享 署名 4.0（CC BY 4.0）许可公开。",
    method: "统计方法",
    methodText: "比例是在回答该问题者（不含“不知道”等）中所占的比例。范围为威尔逊法 95% 置信区间。",
    published: "公开日 {date}",
    languages: "语言",
    reactionQuestion: "这些结果和措施对您有帮助吗？",
    reactionYes: "有帮助",
    reactionNo: "没有帮助",
    reactionComment: "意见（可不填）",
    reactionSend: "发送",
    reactionThanks: "谢谢。我们会转达给区政府。",
    reactions: "反馈 {n} 条",
    indicator: "指标",
    wholePage: "整体结果",
  },
  ko: {
    results: "{wave} 결과",
    respondents: "응답자 {n}명",
    responseRate: "회수율 {rate}%",
    ofRespondents: "응답자 {n}명 중",
    interval: "약 {lo}%~{hi}%",
    intervalNote: "95% 신뢰구간",
    targetAtLeast: "목표 {value}% 이상",
    targetAtMost: "목표 {value}% 이하",
    met: "달성",
    notMet: "미달성",
    noVerdict: "판정 없음",
    weighted: "구의 인구 구성으로 보정하면 {p}% (약 {lo}%~{hi}%)",
    trend: "연도별 추이",
    change: "전년도 대비 {points}%포인트",
    seriesBreak: "질문이 바뀌어 전년도와 비교할 수 없습니다",
    wave: "연도",
    percent: "비율",
    n: "응답자 수",
    group: "구분",
    by: "{label}별",
    hidden: "비공개",
    hiddenNote: "응답자가 {min}명 미만인 구분 등은 개인을 알 수 없도록 숫자를 표시하지 않습니다.",
    wardWill: "구의 대응",
    onlyJapanese: "이 설명은 일본어로만 제공됩니다.",
    openData: "오픈 데이터",
    csv: "CSV (Excel용)",
    json: "JSON",
    licence: "크리에이티브 커먼즈 저작자표시 4.0 (CC BY 4.0)으로 공개합니다.",
    method: "집계 방법",
    methodText:
      "비율은 해당 질문에 답한 사람('모르겠다' 등 제외) 중의 비율입니다. 범위는 윌슨 방법의 95% 신뢰구간입니다.",
    published: "공개일 {date}",
    languages: "언어",
    reactionQuestion: "이 결과와 대응이 도움이 되었습니까?",
    reactionYes: "도움이 되었다",
    reactionNo: "도움이 되지 않았다",
    reactionComment: "의견 (선택)",
    reactionSend: "보내기",
    reactionThanks: "감사합니다. 구에 전달하겠습니다.",
    reactions: "반응 {n}건",
    indicator: "지표",
    wholePage: "결과 전체",
  },
  vi: {
    results: "Kết quả {wave}",
    respondents: "{n} người trả lời",
    responseRate: "tỷ lệ trả lời {rate}%",
    ofRespondents: "trong {n} người trả lời",
    interval: "khoảng {lo}% đến {hi}%",
    intervalNote: "khoảng tin cậy 95%",
    targetAtLeast: "Mục tiêu: từ {value}% trở lên",
    targetAtMost: "Mục tiêu: từ {value}% trở xuống",
    met: "Đạt",
    notMet: "Chưa đạt",
    noVerdict: "Không đánh giá",
    weighted: "Điều chỉnh theo dân số của quận: {p}% (khoảng {lo}% đến {hi}%)",
    trend: "Qua các năm",
    change: "{points} điểm so với năm trước",
    seriesBreak: "Câu hỏi đã thay đổi nên không so sánh được với năm trước",
    wave: "Năm",
    percent: "Tỷ lệ",
    n: "Số người trả lời",
    group: "Nhóm",
    by: "Theo {label}",
    hidden: "ẩn",
    hiddenNote:
      "Nhóm có ít hơn {min} người trả lời (và một số nhóm bên cạnh) không hiển thị số, để không ai bị nhận ra.",
    wardWill: "Quận sẽ làm gì",
    onlyJapanese: "Nội dung này chỉ có bằng tiếng Nhật.",
    openData: "Dữ liệu mở",
    csv: "CSV (cho Excel)",
    json: "JSON",
    licence: "Công bố theo giấy phép Creative Commons Ghi công 4.0 (CC BY 4.0).",
    method: "Cách tính",
    methodText:
      "Tỷ lệ là phần trăm trong số người đã trả lời câu hỏi (không tính 'không biết' v.v.). Khoảng là khoảng tin cậy 95% theo phương pháp Wilson.",
    published: "Công bố ngày {date}",
    languages: "Ngôn ngữ",
    reactionQuestion: "Kết quả và kế hoạch này có giúp ích cho bạn không?",
    reactionYes: "Có ích",
    reactionNo: "Không có ích",
    reactionComment: "Ý kiến (không bắt buộc)",
    reactionSend: "Gửi",
    reactionThanks: "Xin cảm ơn. Quận sẽ đọc ý kiến của bạn.",
    reactions: "{n} phản hồi",
    indicator: "Chỉ số",
    wholePage: "Toàn bộ kết quả",
  },
};

/** A word with its values put in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}
