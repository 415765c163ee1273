import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { launchTui, type PtySession } from '../helpers/pty.js';
import { tempDir } from '../helpers/temp.js';
import { launchOf, parseTape } from '../helpers/vhs-tape.js';

// demo.tape is what people see first of hunch. Its keystrokes are replayed here in a real
// terminal against the built CLI and the practice cluster, and every `# expect:` line must show
// on the screen when the tape reaches it: a changed screen breaks this test, not the demo.

const tape = readFileSync(join(ROOT, 'demo.tape'), 'utf8');

describe('reading a VHS tape', () => {
  it('turns keys, counts, Ctrl+<letter>, typing and expectations into steps, and skips what only shapes the recording', () => {
    const steps = parseTape(['Output x.gif', 'Set FontSize 14', 'Type@20ms "hi there"', 'Down 3', 'Ctrl+C', 'Sleep 2s', '# expect: hello', '# a comment', 'Escape'].join('\n'));
    expect(steps).toEqual([
      { kind: 'type', text: 'hi there', line: 3 },
      { kind: 'keys', data: '\u001b[B\u001b[B\u001b[B', name: 'Down 3', line: 4 },
      { kind: 'keys', data: '\u0003', name: 'Ctrl+C', line: 5 },
      { kind: 'expect', text: 'hello', line: 7 },
      { kind: 'keys', data: '\u001b', name: 'Escape 1', line: 9 },
    ]);
  });

  it('refuses a command the replay cannot honour, with its line', () => {
    expect(() => parseTape('Type "a"\nWait /x/')).toThrow('demo.tape:2: the replay does not know the command Wait');
    expect(() => parseTape('Ctrl+Alt+X')).toThrow(/demo.tape:1/);
  });
});

describe('demo.tape', () => {
  let tui: PtySession | undefined;
  afterEach(async () => {
    await tui?.close();
    tui = undefined;
  });

  it('starts hunch on the practice cluster and shows every step UX.md asks of the demo', () => {
    const steps = parseTape(tape);
    const { args } = launchOf(steps);
    expect(args[0]).toBe('practice');
    const expected = steps.flatMap((s) => (s.kind === 'expect' ? [s.text] : [])).join('\n');
    // help, a hypothesis, search, a parameter suggested from the cluster, the confirm step, output, a verdict, export
    for (const step of ['Keys here', 'Postgres is down or refuses connections', '› ○ PostgreSQL accepts a connection', 'has postgres (postgres-0)', 'Press enter to run exactly this command.', 'HEALTHY', 'The evidence suggests', 'report written to']) {
      expect(expected).toContain(step);
    }
  });

  it('replays in a real terminal, and every expected screen shows', async () => {
    const { args, env, rest } = launchOf(parseTape(tape));
    const home = tempDir({}, 'hunch-demo-home-');
    // The report is written where hunch was started: a folder of the test's own.
    const session = await launchTui({ args, cols: 120, rows: 34, cwd: tempDir({}, 'hunch-demo-cwd-'), env: { KUBECONFIG: undefined, HUNCH_HOME: home, ...env } });
    tui = session;
    for (const step of rest) {
      if (step.kind === 'type') session.type(step.text);
      else if (step.kind === 'keys') session.type(step.data);
      else if (step.kind === 'env') throw new Error(`demo.tape:${step.line}: Env after the launch cannot reach hunch`);
      else {
        await session.waitFor(step.text, 30_000).catch((error: Error) => {
          throw new Error(`demo.tape:${step.line} expects "${step.text}": ${error.message}`);
        });
      }
    }
    const exit = await session.exited;
    expect(exit.exitCode).toBe(0);
  }, 90_000);
});
