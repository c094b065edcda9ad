/**
 * Is this document English? Our models know English only, so other languages are skipped
 * with a note rather than producing confident nonsense. A small, documented heuristic:
 *  1. script: when under half of the letters are Latin, the text is not English, and the
 *     dominant script (Cyrillic, Han, Hangul, Arabic, …) is named in the note;
 *  2. function words: for Latin text, the share of running words that are among the most
 *     frequent function words of English and of ten other Latin-script languages; English
 *     wins when its share is at least 12% and above every other language's.
 * Texts with under 20 words (or 40 letters) are too short to judge and are kept.
 */

export interface LanguageGuess {
  /** true: English; false: another language; null: too short to tell */
  english: boolean | null;
  /** ISO 639-1 code or a script name ("cyrillic") when known */
  lang: string | null;
  /** why, for the note a skipped document gets */
  reason: string;
}

const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it was on with as he she his her by at from this be are have has had not but they said were which will would an or who their been its we you',
  fr: 'le la les des et est une un du dans que qui pour pas sur au avec il elle ce sont par plus ont été mais aux cette ses leur nous vous',
  es: 'el la los las de que y en un una es por con para del al se lo como más pero sus fue ha su está son este esta también muy',
  pt: 'o a os as de que e em um uma do da dos das no na para com por não se mais foi é ao pelo pela seu sua também são como',
  it: 'il lo la gli le di che e è un una del della dei per con non sono nel nella alla anche ha più come ma questo questa stato',
  de: 'der die das und ist nicht ein eine zu den dem des mit sich auf für im von auch es sie er wird wurde werden bei noch nach aus',
  nl: 'de het een en van is dat niet op te zijn voor met als ook er maar om aan bij dit die wordt naar hij ze door uit werd',
  id: 'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh saya kami mereka atau sudah bisa telah',
  sv: 'och att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan',
  pl: 'i w nie na się z do że to jest o jak ale po co tak za od jego przez który jej są być już',
  tr: 've bir bu da de için ile olarak çok daha gibi ama ne var olan en kadar sonra değil ancak',
};
const WORD_LISTS: [string, Set<string>][] = Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]);

const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
];
const SCRIPT_LANG: Record<string, string> = { cyrillic: 'cyrillic script', greek: 'Greek', arabic: 'Arabic script', hebrew: 'Hebrew', han: 'Chinese/Japanese (Han) script', kana: 'Japanese', hangul: 'Korean', devanagari: 'Devanagari script', thai: 'Thai' };

const SAMPLE_CHARS = 6000;
const MIN_LETTERS = 40;
const MIN_WORDS = 20;
const MIN_ENGLISH_SHARE = 0.12;

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of sample) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters < MIN_LETTERS) return { english: null, lang: null, reason: 'too short to tell' };
  const latin = counts.get('latin') ?? 0;
  if (latin / letters < 0.5) {
    const [top] = [...counts.entries()].filter(([s]) => s !== 'latin').sort((a, b) => b[1] - a[1]);
    const name = top ? (SCRIPT_LANG[top[0]] ?? top[0]) : 'non-Latin script';
    return { english: false, lang: top?.[0] ?? null, reason: `mostly ${name} (${Math.round((100 * (top?.[1] ?? 0)) / letters)}% of letters)` };
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return { english: null, lang: null, reason: 'too short to tell' };
  const shares = WORD_LISTS.map(([lang, set]) => {
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    return [lang, n / words.length] as const;
  }).sort((a, b) => b[1] - a[1]);
  const en = shares.find(([l]) => l === 'en')![1];
  const [bestLang, best] = shares[0];
  if (bestLang === 'en' && en >= MIN_ENGLISH_SHARE) return { english: true, lang: 'en', reason: `English function words ${(100 * en).toFixed(0)}%` };
  if (bestLang !== 'en' && best >= MIN_ENGLISH_SHARE / 2)
    return { english: false, lang: bestLang, reason: `looks like ${bestLang} (function words ${(100 * best).toFixed(0)}% vs English ${(100 * en).toFixed(0)}%)` };
  return { english: false, lang: null, reason: `few English function words (${(100 * en).toFixed(0)}%)` };
}
