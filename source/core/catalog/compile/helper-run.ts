import { IndexBuilder, type IndexPart } from '../../search/index-builder.js';
import { detach } from '../../text/detach.js';
import { FileReader } from './file-reader.js';
import { BY_HELPER, DONE, PROGRESS, UNCLAIMED, type HelperFile, type HelperInput, type HelperResult } from './helper-protocol.js';
import { JsonLines } from './json-lines.js';
import { compileTestFile } from './test-file.js';
import type { CatalogFile } from './types.js';

/**
 * The helper's side: claims files from the last one back until it meets one the main thread has
 * claimed, compiles each (read, parse, validate, tokenise, JSON line), then posts everything at
 * once and raises DONE. Duplicate ids are left to the main thread, which sees every file in order.
 */
export function runHelper(input: HelperInput): void {
  let result: HelperResult;
  const transfer: ArrayBuffer[] = [];
  try {
    const builder = new IndexBuilder(input.components);
    const lines = new JsonLines();
    const reader = new FileReader();
    const files: HelperFile[] = [];
    for (let at = input.files.length - 1; at >= 0; at--) {
      if (Atomics.compareExchange(input.claims, at, UNCLAIMED, BY_HELPER) !== UNCLAIMED) break;
      const { path, file } = input.files[at] as CatalogFile;
      const read = reader.read(path);
      const done: HelperFile = { at, facts: undefined, problems: [], entries: [], first: lines.count };
      if ('error' in read) done.error = read.error;
      else {
        done.facts = read.facts;
        compileTestFile(file, read.bytes, done.problems, (test, span) => {
          done.entries.push({ id: detach(test.id), component: detach(test.component), source: test.source, span });
          builder.addTest(test);
          lines.add(test);
        });
      }
      files.push(done);
      Atomics.add(input.signal, PROGRESS, 1);
    }
    const { bytes, starts } = lines.done();
    const part = builder.part();
    result = { files, part, lines: bytes, lineStarts: starts };
    transfer.push(bytes.buffer as ArrayBuffer, starts.buffer as ArrayBuffer, ...partBuffers(part));
  } catch (error) {
    result = { failed: (error as Error).message };
  }
  input.port.postMessage(result, transfer);
  Atomics.store(input.signal, DONE, 1);
  Atomics.notify(input.signal, DONE);
}

function partBuffers(part: IndexPart): ArrayBuffer[] {
  return [part.docStarts, part.docTerms, part.docWeights, part.phraseDocs, part.phraseStarts, part.phraseTerms].map((a) => a.buffer as ArrayBuffer);
}
