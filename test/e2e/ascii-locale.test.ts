import { afterEach, describe, expect, it } from 'vitest';
import { toAscii } from '../../source/ui/ascii-output.js';
import { launchTui, type PtySession } from '../helpers/pty.js';

// UX.md: ASCII fallback when the locale is not UTF-8. A terminal in the C locale shows every byte
// above 127 as garbage, so not one may reach it: symbols, hints, borders, Ink's own ellipsis.

let tui: PtySession | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

const NON_ASCII = /[^\u0000-\u007f]/u;

describe('ASCII outside a UTF-8 locale', () => {
  it('replaces each glyph by ASCII of the same width and leaves escapes alone', () => {
    expect(toAscii('↑/↓ move  ⏎ state it  1–20 of 417 · ✔ healthy …')).toBe('^/v move  < state it  1-20 of 417 - v healthy .');
    expect(toAscii('\u001b[1m╭──╮\u001b[22m')).toBe('\u001b[1m+--+\u001b[22m');
    // Two columns for a wide character, none for a combining mark: the layout Ink computed holds.
    expect(toAscii('日本 cafe\u0301')).toBe('???? cafe');
  });

  it('draws the boot frame, the hypothesis screen, the help and the tests in ASCII only (LANG=C)', async () => {
    const session = await launchTui({ args: ['practice', 'postgres-blocked'], cols: 100, rows: 30, env: { KUBECONFIG: undefined, LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined } });
    tui = session;
    const screens: string[] = [];
    screens.push(await session.waitFor('What do you think is wrong?', 30_000));
    session.type('postgres is down');
    screens.push(await session.waitFor('Postgres is down or refuses connections'));
    session.press('down');
    screens.push(await session.waitFor(/> hypothesis\s+Postgres is down or refuses connections/));
    session.press('enter');
    screens.push(await session.waitFor(/PostgreSQL accepts a connection/));
    session.type('?');
    screens.push(await session.waitFor('Keys here'));
    for (const screen of screens) expect(screen, screen).not.toMatch(NON_ASCII);
    // The whole scrollback too: nothing written earlier slipped through.
    expect(session.scrollback()).not.toMatch(NON_ASCII);
  }, 60_000);
});
