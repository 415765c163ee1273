import type { CatalogTest, Component, Hypothesis } from '../catalog/schema.js';
import { FIELD_WEIGHTS, type SearchDoc } from './index-format.js';
import { detach } from '../text/detach.js';
import { tokenize } from './tokenize.js';

/** What the index reads from a test: everything but its run-time parts. */
export type IndexableTest = Pick<CatalogTest, 'id' | 'component' | 'title' | 'summary' | 'explain' | 'symptoms' | 'tags' | 'command' | 'script'>;

/**
 * The index of some documents, doc by doc, in a form that crosses a worker boundary cheaply: a
 * few typed arrays and the term strings they number. mergeIndexParts turns parts into the index.
 */
export type IndexPart = {
  docs: SearchDoc[];
  terms: string[];
  /** Doc d's terms are docTerms[docStarts[d]] … docTerms[docStarts[d + 1] - 1], with their weights. */
  docStarts: Int32Array;
  docTerms: Int32Array;
  docWeights: Float32Array;
  /** Symptom phrases of two or more terms, in doc order, as term ids. */
  phraseDocs: Int32Array;
  phraseStarts: Int32Array;
  phraseTerms: Int32Array;
};

type Field = keyof typeof FIELD_WEIGHTS;

/**
 * Tokenises documents into an IndexPart. Terms get numbers as they are first seen, and each
 * document's weights are summed in scratch arrays indexed by term number, so a catalogue of ten
 * thousand tests costs a few growing typed arrays instead of a map and a set per document.
 */
export class IndexBuilder {
  private readonly byComponent: Map<string, Component>;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Raw word → its tokens as term id × 2 + (1 when the token is a part of a compound word). */
  private readonly wordCodes = new WordTable();
  private readonly docs: SearchDoc[] = [];
  private docStarts = new GrowingInt32();
  private docTerms = new GrowingInt32();
  private docWeights = new GrowingFloat32();
  private phraseDocs = new GrowingInt32();
  private phraseStarts = new GrowingInt32();
  private phraseTerms = new GrowingInt32();
  // Scratch, indexed by term id: the running weight, and stamps saying "seen in this doc / field".
  private weight = new Float64Array(1024);
  private docStamp = new Int32Array(1024);
  private fieldStamp = new Int32Array(1024);
  private fieldCount = 0;
  /** The terms of the current doc, in first-seen order. */
  private touched = new GrowingInt32();

  constructor(components: readonly Component[]) {
    this.byComponent = new Map(components.map((c) => [c.id, c]));
  }

  addTest(test: IndexableTest): void {
    const component = this.byComponent.get(test.component);
    this.startDoc({ kind: 'test', id: detach(test.id), component: detach(test.component) });
    this.symptoms(test.symptoms);
    this.field('title', test.title);
    this.field('component', [test.component, component?.name ?? '', ...(component?.aliases ?? [])]);
    this.field('tags', test.tags);
    this.field('summary', test.summary);
    this.field('command', commandText(test));
    this.field('explain', test.explain);
    this.endDoc();
  }

  addHypothesis(hypothesis: Hypothesis): void {
    const component = hypothesis.component ? this.byComponent.get(hypothesis.component) : undefined;
    this.startDoc({ kind: 'hypothesis', id: hypothesis.id, component: hypothesis.component ?? '' });
    this.symptoms(hypothesis.symptoms);
    this.field('title', hypothesis.statement);
    this.field('component', component ? [component.id, component.name, ...component.aliases] : []);
    this.endDoc();
  }

  /**
   * Adds document `doc` of another part as it stands, terms renumbered: how a compile reuses what
   * an earlier one tokenised for a file that has not changed.
   */
  copyDoc(from: IndexPart, doc: number): void {
    const { terms, phrasesOf } = this.viewOf(from);
    this.docStarts.push(this.docTerms.length);
    this.docs.push(from.docs[doc] as SearchDoc);
    const first = from.docStarts[doc] as number;
    const count = (from.docStarts[doc + 1] as number) - first;
    const docTerms = this.docTerms.append(count);
    const docWeights = this.docWeights.append(count);
    for (let i = 0; i < count; i++) {
      docTerms.data[docTerms.at + i] = terms[from.docTerms[first + i] as number] as number;
    }
    docWeights.data.set(from.docWeights.subarray(first, first + count), docWeights.at);
    const at = this.docs.length - 1;
    for (let q = phrasesOf[doc] as number; q < (phrasesOf[doc + 1] as number); q++) {
      this.phraseDocs.push(at);
      this.phraseStarts.push(this.phraseTerms.length);
      for (let i = from.phraseStarts[q] as number; i < (from.phraseStarts[q + 1] as number); i++) this.phraseTerms.push(terms[from.phraseTerms[i] as number] as number);
    }
  }

  private readonly views = new WeakMap<IndexPart, { terms: Int32Array; phrasesOf: Int32Array }>();

  /** Another part's term ids in this builder's numbering, and where each of its docs' phrases start. */
  private viewOf(from: IndexPart): { terms: Int32Array; phrasesOf: Int32Array } {
    let view = this.views.get(from);
    if (!view) {
      const terms = Int32Array.from(from.terms, (term) => this.termId(term));
      // Phrases are in document order: phrasesOf[d] … phrasesOf[d + 1] - 1 are doc d's.
      const phrasesOf = new Int32Array(from.docs.length + 1);
      for (let q = 0; q < from.phraseDocs.length; q++) (phrasesOf[(from.phraseDocs[q] as number) + 1] as number)++;
      for (let d = 0; d < from.docs.length; d++) phrasesOf[d + 1] = (phrasesOf[d + 1] as number) + (phrasesOf[d] as number);
      view = { terms, phrasesOf };
      // Most of that part will be copied: room for all of it at once, rather than doubling up to it.
      this.docTerms.reserve(this.docTerms.length + from.docTerms.length);
      this.docWeights.reserve(this.docWeights.length + from.docWeights.length);
      this.views.set(from, view);
    }
    return view;
  }

  part(): IndexPart {
    this.docStarts.push(this.docTerms.length);
    this.phraseStarts.push(this.phraseTerms.length);
    return {
      docs: this.docs,
      terms: this.terms,
      docStarts: this.docStarts.done(),
      docTerms: this.docTerms.done(),
      docWeights: this.docWeights.done(),
      phraseDocs: this.phraseDocs.done(),
      phraseStarts: this.phraseStarts.done(),
      phraseTerms: this.phraseTerms.done(),
    };
  }

  private startDoc(doc: SearchDoc): void {
    this.docStarts.push(this.docTerms.length);
    this.docs.push(doc);
    this.touched.length = 0;
  }

  private endDoc(): void {
    const touched = this.touched.view();
    const weight = this.weight;
    const terms = this.docTerms.append(touched.length);
    const weights = this.docWeights.append(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const term = touched[i] as number;
      terms.data[terms.at + i] = term;
      weights.data[weights.at + i] = weight[term] as number;
    }
  }

  /**
   * The symptoms field, and each symptom as a phrase in the same pass: its whole words, in order,
   * so a pasted error string matches as a phrase.
   */
  private symptoms(symptoms: readonly string[]): void {
    this.fieldCount++;
    this.fieldWeight = FIELD_WEIGHTS.symptoms;
    const doc = this.docs.length - 1;
    for (const symptom of symptoms) {
      const start = this.phraseTerms.length;
      this.scan(symptom, true);
      if (this.phraseTerms.length - start >= 2) {
        this.phraseDocs.push(doc);
        this.phraseStarts.push(start);
      } else this.phraseTerms.length = start;
    }
  }

  /** Each field counts once per term: a word repeated in prose is no stronger than once. */
  private field(field: Field, value: string | readonly string[] | undefined): void {
    if (value === undefined) return;
    this.fieldCount++;
    this.fieldWeight = FIELD_WEIGHTS[field];
    if (typeof value === 'string') this.scan(value, false);
    else for (const text of value) this.scan(text, false);
  }

  private fieldWeight = 0;

  /** The text being scanned, as UTF-8: reading bytes is several times faster than charCodeAt. */
  private bytes = Buffer.allocUnsafe(1 << 16);

  /**
   * Each raw word of a text (a run of ASCII letters and digits: what tokenize splits on), found by
   * range and hash without making a string of it (catalogues say the same few thousand words
   * millions of times), and its terms added to the current field and, with `phrase`, its whole
   * words (not the parts of a compound word) to the current phrase as well. The text is scanned
   * as UTF-8 bytes: words are ASCII, and every byte of a non-ASCII character is 0x80 or above, so
   * words and their boundaries are exactly those of the characters.
   */
  private scan(text: string, phrase: boolean): void {
    if (text.length * 3 > this.bytes.length) this.bytes = Buffer.allocUnsafe(text.length * 3);
    const bytes = this.bytes;
    const n = bytes.write(text, 0, 'utf8');
    const doc = this.docs.length - 1;
    const stamp = this.fieldCount;
    let i = 0;
    while (i < n) {
      let c = bytes[i] as number;
      if (WORD_BYTE[c] === 0) {
        i++;
        continue;
      }
      const from = i;
      let hash = 0x811c9dc5;
      do {
        hash = Math.imul(hash ^ c, 0x01000193);
        c = bytes[++i] as number;
      } while (i < n && WORD_BYTE[c] === 1);
      let entry = this.wordCodes.find(bytes, from, i, hash);
      if (entry === -1) entry = this.learn(bytes, from, i, hash);
      const codes = this.wordCodes.codes;
      const end = this.wordCodes.codesEnd(entry);
      for (let k = this.wordCodes.codesStart(entry); k < end; k++) {
        const code = codes[k] as number;
        const term = code >> 1;
        if (phrase && (code & 1) === 0) this.phraseTerms.push(term);
        if (this.fieldStamp[term] === stamp) continue;
        this.fieldStamp[term] = stamp;
        if (this.docStamp[term] !== doc) {
          this.docStamp[term] = doc;
          this.weight[term] = 0;
          this.touched.push(term);
        }
        this.weight[term] = (this.weight[term] as number) + this.fieldWeight * (code & 1 ? 0.6 : 1);
      }
    }
  }

  /** A word seen for the first time: its token codes, stored; returns its entry. */
  private learn(bytes: Buffer, from: number, to: number, hash: number): number {
    const word = bytes.toString('latin1', from, to);
    return this.wordCodes.add(bytes, from, to, hash, tokenize(word).map((token) => this.termId(token.term) * 2 + (token.part ? 1 : 0)));
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id !== undefined) return id;
    id = this.terms.push(term) - 1;
    this.termIds.set(term, id);
    if (id >= this.weight.length) {
      const size = this.weight.length * 2;
      this.weight = grow(this.weight, new Float64Array(size));
      this.docStamp = grow(this.docStamp, new Int32Array(size));
      this.fieldStamp = grow(this.fieldStamp, new Int32Array(size));
    }
    // Doc numbers start at 0: a fresh slot must not look "seen in doc 0".
    this.docStamp[id] = -1;
    return id;
  }
}

/** 1 for the bytes of a word (ASCII letters and digits), by byte. */
const WORD_BYTE = new Uint8Array(256);
for (let c = 0; c < 128; c++) WORD_BYTE[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

/** An open-addressing table from words (ASCII bytes) to their token codes, looked up by range and hash. */
class WordTable {
  /** Entry e's word is chars[wordStarts[e]] … chars[wordStarts[e + 1] - 1]. */
  private chars = new Uint8Array(1 << 16);
  private wordStarts: number[] = [0];
  private hashes: number[] = [];
  /** Entry e's codes are codes[starts[e]] … codes[starts[e + 1] - 1]. */
  private starts: number[] = [0];
  codes = new Int32Array(1 << 14);
  /** Pairs of (entry, its hash), -1 for an empty slot: a probe reads the hash beside the entry. */
  private slots = new Int32Array(1 << 15).fill(-1);

  /** The entry of the word bytes[from, to), or -1. */
  find(bytes: Uint8Array, from: number, to: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const entry = slots[slot] as number;
      if (entry === -1) return -1;
      if (slots[slot + 1] === hash && this.sameWord(entry, bytes, from, to)) return entry;
    }
  }

  private sameWord(entry: number, bytes: Uint8Array, from: number, to: number): boolean {
    const start = this.wordStarts[entry] as number;
    if ((this.wordStarts[entry + 1] as number) - start !== to - from) return false;
    for (let i = 0; i < to - from; i++) if (this.chars[start + i] !== bytes[from + i]) return false;
    return true;
  }

  codesStart(entry: number): number {
    return this.starts[entry] as number;
  }

  codesEnd(entry: number): number {
    return this.starts[entry + 1] as number;
  }

  add(bytes: Uint8Array, from: number, to: number, hash: number, codes: readonly number[]): number {
    const entry = this.hashes.push(hash) - 1;
    const wordAt = this.wordStarts[entry] as number;
    if (wordAt + (to - from) > this.chars.length) this.chars = grow(this.chars, new Uint8Array(Math.max(this.chars.length * 2, wordAt + (to - from))));
    this.chars.set(bytes.subarray(from, to), wordAt);
    this.wordStarts.push(wordAt + (to - from));
    const at = this.starts[entry] as number;
    if (at + codes.length > this.codes.length) this.codes = grow(this.codes, new Int32Array(Math.max(this.codes.length * 2, at + codes.length)));
    this.codes.set(codes, at);
    this.starts.push(at + codes.length);
    // At most half full, so a probe always meets an empty slot soon.
    if (this.hashes.length * 4 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry);
    return entry;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    const hash = this.hashes[entry] as number;
    let slot = (hash << 1) & mask;
    while (this.slots[slot] !== -1) slot = (slot + 2) & mask;
    this.slots[slot] = entry;
    this.slots[slot + 1] = hash;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let entry = 0; entry < this.hashes.length; entry++) this.place(entry);
  }
}

/** The searchable words of a command: tools, subcommands and flags, not placeholders. */
function commandText(test: Pick<CatalogTest, 'command' | 'script'>): string {
  const parts = test.command ? test.command.flatMap((part) => (typeof part === 'string' ? [part] : part.args)) : [test.script ?? ''];
  return parts.join(' ').replace(/\{\{[^}]*\}\}/g, ' ');
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

class GrowingInt32 {
  private data = new Int32Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Int32Array(this.data.length * 2));
    this.data[this.length++] = value;
  }
  /** Room for at least `capacity` values in all. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = grow(this.data, new Int32Array(capacity));
  }
  /** Room for `count` more values: write them at data[at] … data[at + count - 1]. */
  append(count: number): { data: Int32Array; at: number } {
    const at = this.length;
    if (at + count > this.data.length) this.data = grow(this.data, new Int32Array(Math.max(this.data.length * 2, at + count)));
    this.length = at + count;
    return { data: this.data, at };
  }
  /** The values so far, without copying (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * GrowingInt32's twin for weights. Not one generic class over both: measured, that made the
 * index's first, cold pass about a tenth slower, since every store then sees two kinds of array.
 */
class GrowingFloat32 {
  private data = new Float32Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Float32Array(this.data.length * 2));
    this.data[this.length++] = value;
  }
  /** Room for at least `capacity` values in all. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = grow(this.data, new Float32Array(capacity));
  }
  /** Room for `count` more values: write them at data[at] … data[at + count - 1]. */
  append(count: number): { data: Float32Array; at: number } {
    const at = this.length;
    if (at + count > this.data.length) this.data = grow(this.data, new Float32Array(Math.max(this.data.length * 2, at + count)));
    this.length = at + count;
    return { data: this.data, at };
  }
  done(): Float32Array {
    return this.data.slice(0, this.length);
  }
}
