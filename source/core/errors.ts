/**
 * The one error family. `UsageError` is the user's to fix by changing the command (exit 2);
 * `HunchError` is an expected failure with a hint (exit 1). Anything else is a bug.
 */
export class HunchError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'HunchError';
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}

export class UsageError extends HunchError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, ...(hint ? { hint } : {}) });
    this.name = 'UsageError';
  }
}

/** The user stopped the work (Ctrl-C): exit 130 like a shell. */
export class CancelledError extends HunchError {
  constructor(message = 'cancelled') {
    super(message, { exitCode: 130 });
    this.name = 'CancelledError';
  }
}

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;
