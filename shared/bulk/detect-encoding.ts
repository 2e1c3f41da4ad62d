/** What detectEncoding can answer: a WHATWG encoding label every TextDecoder here knows. */
export type TextEncodingLabel = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5" | "shift_jis" | "windows-1252";

/**
 * The legacy encodings spreadsheet programs write, tried in this order when the bytes are not
 * UTF-8; on a tie the earlier wins, so the answer is deterministic. windows-1252 comes last: it
 * decodes any byte, and Western-European Excel writes it.
 */
const LEGACY_CANDIDATES = ["gb18030", "big5", "shift_jis", "windows-1252"] as const satisfies readonly TextEncodingLabel[];

/**
 * Characters that fill real Chinese and Japanese lists (the most frequent hanzi in simplified and
 * traditional form, common surnames, the words of an address-book header). Text decoded with the
 * wrong legacy encoding is still mostly valid characters, but rare ones; this is what tells GBK
 * from Big5 apart.
 */
const COMMON_CJK = new Set(
  "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空众技轻程告江语英基派满式李息写识极令黄德收钱党未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切医标陈刘杨赵吴徐孙朱胡郭罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶苏魏吕丁沈姚卢姜崔钟谭陆汪范贾夏韦付邹孟熊秦邱尹薛闫段雷侯龙陶黎贺顾郝龚邵严覃戴莫孔汤伟芳娜敏静丽磊洋勇艳杰娟涛超秀霞刚桂玉兰萍燕邮箱件姓话址" +
    "這來個國說們為時過學對裡後麼頭見經從動兩長樣現將與實點種聲話兒問機給幾業間東無開當發還沒會裝開電門關內軍產萬體別處總場師書員華報馬張難數車應親邊風戰許覺題統請愛讓認論義術結連遠資隊帶條變聯權該領傳紅決達辦運區轉眾輕語滿寫識極黃錢黨設雙歷廣議單據導網專誰讀飛觀爭組視濟離雖壞興醫標陳劉楊趙吳孫羅鄭謝韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒龔嚴湯偉麗傑濤郵電話號碼",
);

/**
 * Guesses the text encoding of the first bytes of an upload: a byte-order mark first, then strict
 * UTF-8, then the legacy encoding whose decoded text looks most like real text. The sample may end
 * in the middle of a character.
 *
 * @example
 * detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // "utf-8"
 * detectEncoding(gbkBytesOf("邮箱,姓名\n")); // "gb18030"
 */
export function detectEncoding(sample: Uint8Array): TextEncodingLabel {
  const byBom = encodingFromBom(sample);
  if (byBom) return byBom;
  if (isUtf8(sample)) return "utf-8";
  let best: TextEncodingLabel = LEGACY_CANDIDATES[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const label of LEGACY_CANDIDATES) {
    const score = plausibility(new TextDecoder(label).decode(sample, { stream: true }), label);
    if (score > bestScore) [best, bestScore] = [label, score];
  }
  return best;
}

/**
 * The encoding a byte-order mark announces, if the sample starts with one.
 *
 * @example
 * encodingFromBom(new Uint8Array([0xff, 0xfe, 0x61, 0x00])); // "utf-16le"
 */
export function encodingFromBom(sample: Uint8Array): TextEncodingLabel | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return "utf-8";
  if (sample[0] === 0xff && sample[1] === 0xfe) return "utf-16le";
  if (sample[0] === 0xfe && sample[1] === 0xff) return "utf-16be";
  return undefined;
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: a character cut off by the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Higher for text that looks real: common CJK characters and kana score, replacement characters
 * (bytes the encoding cannot have), private-use characters, half-width katakana (what GBK or Big5
 * bytes become in Shift-JIS) and C1 controls cost. In windows-1252 an accented letter beside
 * another non-ASCII character is what multi-byte text looks like, not a word.
 */
function plausibility(text: string, label: TextEncodingLabel): number {
  let score = 0;
  let previousWasNonAscii = false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x7f) {
      previousWasNonAscii = false;
      continue;
    }
    if (code === 0xfffd) score -= 10;
    else if (COMMON_CJK.has(char)) score += 2;
    else if (code >= 0x3040 && code <= 0x30ff) score += 1;
    else if ((code >= 0xe000 && code <= 0xf8ff) || (code >= 0x80 && code <= 0x9f)) score -= 5;
    else if (code >= 0xff61 && code <= 0xff9f) score -= 2;
    else if (label === "windows-1252") score += previousWasNonAscii ? -2 : 1;
    else score -= 1;
    previousWasNonAscii = true;
  }
  return score;
}
