const STOPWORDS = new Set(
  `a an and are as at be been being but by can cannot could did do does doing done for from get gets getting got had has have having
  i if im in into is it its it's just me my myself no nor of on or our out over so some still such than that the their them then there
  these they this those to too very was we were what when where which while who why will with would you your yours all any also after
  again about against because before being below between both each few further here how more most other own same should only
  off once until during through above under since yesterday today now anymore keep keeps kept seems seem seemingly like please
  help anyone idea ideas someone something thing things sure know think happening happens happened suddenly randomly really even
  every everywhere lot lots many much see saw saying says said tried trying try want wanted need needs needed way ways
  though although however super totally literally basically actually constantly completely quite bit kinda sort guys folks hey hi hello thanks`.split(/\s+/),
);

/** Words whose stem would collide with something unrelated if cut. */
const KEEP_AS_IS = new Set(['kubernetes', 'redis', 'postgres', 'status', 'ingress', 'egress', 'dns', 'tls', 'https', 'aws', 'process', 'access', 'class', 'address', 'alias', 'always', 'analysis', 'basis', 'bus', 'canvas', 'chaos', 'cors', 'gas', 'its', 'has', 'was', 'is', 'less', 'loss', 'mass', 'miss', 'pass', 'progress', 'success', 'yes', 'istio', 'ms', 'keda', 'gitops']);

/**
 * A light stemmer: enough that "restarts", "restarted" and "restarting" meet, cheap enough for
 * every keystroke. Query and documents go through the same function, so consistency matters more
 * than linguistics.
 */
const stems = new Map<string, string>();

export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  const result = stemWord(word);
  if (stems.size < 200_000) stems.set(word, result);
  return result;
}

function stemWord(word: string): string {
  if (word.length <= 3 || KEEP_AS_IS.has(word) || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(w)) {
    /* not a plural */
  } else if (/(ches|shes|xes|sses|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('er') && w.length > 5 && !w.endsWith('eer')) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Splits CamelCase error reasons into their words: CrashLoopBackOff → crash loop back off. */
function camelParts(word: string): string[] {
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return parts.length > 1 ? parts : [];
}

export type Token = { term: string; /** the token came from splitting a compound word */ part: boolean };

const NO_TOKENS: readonly Token[] = [];
const wordTokens = new Map<string, readonly Token[]>();

/** The tokens of one raw word, memoised: catalogues repeat the same words thousands of times. */
function tokensOfWord(raw: string): readonly Token[] {
  const known = wordTokens.get(raw);
  if (known) return known;
  const lower = raw.toLowerCase();
  let tokens: readonly Token[] = NO_TOKENS;
  if (!STOPWORDS.has(lower) && (lower.length > 1 || /\d/.test(lower))) {
    const list: Token[] = [{ term: stem(lower), part: false }];
    for (const piece of camelParts(raw)) {
      const p = piece.toLowerCase();
      if (p.length > 1 && !STOPWORDS.has(p)) list.push({ term: stem(p), part: true });
    }
    tokens = list;
  }
  if (wordTokens.size < 200_000) wordTokens.set(raw, tokens);
  return tokens;
}

/**
 * Lowercases, splits on anything that is not a letter or digit, keeps compound words whole and
 * adds their parts, drops stopwords, stems.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const raw of text.split(/[^A-Za-z0-9]+/)) {
    if (raw === '') continue;
    const found = tokensOfWord(raw);
    for (let i = 0; i < found.length; i++) tokens.push(found[i] as Token);
  }
  return tokens;
}

/** Terms only, for places that do not care where a token came from. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** The whole-word terms of a phrase in order, for phrase matching of pasted error strings. */
export function phraseTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.part)
    .map((t) => t.term);
}
