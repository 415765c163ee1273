/** The only place hunch writes to the terminal outside Ink: data to stdout, messages to stderr. */
export type Printer = {
  out(text: string): void;
  err(text: string): void;
  json(value: unknown): void;
  /** Bytes for the terminal itself, as they are (an OSC 52 clipboard request); no newline added. */
  raw?(text: string): void;
};

export function processPrinter(): Printer {
  return {
    out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    raw: (text) => void process.stdout.write(text),
  };
}
