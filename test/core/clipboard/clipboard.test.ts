import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyToClipboard } from '../../../source/core/clipboard/copy.js';
import { osc52Sequence, OSC52_MAX_BASE64 } from '../../../source/core/clipboard/osc52.js';
import { systemClipboardTool } from '../../../source/core/clipboard/system-clipboard.js';
import { tempDir } from '../../helpers/temp.js';

/** A stand-in clipboard program on PATH: a real process that stores what it reads from stdin. */
function fakeTool(name: string, exitCode = 0): { dir: string; saved: string } {
  const dir = tempDir();
  const saved = join(dir, 'clipboard.txt');
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "$@" > "${saved}.args"\ncat > "${saved}"\nexit ${exitCode}\n`);
  chmodSync(path, 0o755);
  return { dir, saved };
}

const decode = (sequence: string) => Buffer.from(/52;c;([A-Za-z0-9+/=]*)/.exec(sequence)?.[1] ?? '', 'base64').toString('utf8');

describe('OSC 52', () => {
  it('encodes the text as base64 in an OSC 52 sequence terminated by BEL', () => {
    const sequence = osc52Sequence('kubectl get pods -n shop ✔');
    expect(sequence.startsWith('\u001b]52;c;')).toBe(true);
    expect(sequence.endsWith('\u0007')).toBe(true);
    expect(decode(sequence)).toBe('kubectl get pods -n shop ✔');
  });

  it('wraps the sequence for screen in DCS pieces it will pass on', () => {
    const text = 'x'.repeat(2000);
    const sequence = osc52Sequence(text, 'screen');
    const pieces = sequence.match(/\u001bP[\s\S]*?\u001b\\/g) ?? [];
    expect(pieces.length).toBeGreaterThan(2);
    expect(decode(pieces.map((p) => p.slice(2, -2)).join(''))).toBe(text);
  });
});

describe('copyToClipboard', () => {
  it('over SSH asks the terminal (OSC 52), even when a local clipboard program exists', async () => {
    const tool = fakeTool('xclip');
    const written: string[] = [];
    const result = await copyToClipboard('report', { env: { PATH: tool.dir, DISPLAY: ':0', SSH_TTY: '/dev/pts/3' }, platform: 'linux', writeToTerminal: (s) => written.push(s) });
    expect(result).toMatchObject({ ok: true, method: 'osc52' });
    expect(decode(written.join(''))).toBe('report');
  });

  it('locally pipes the text into the system clipboard program', async () => {
    const tool = fakeTool('xclip');
    const result = await copyToClipboard('# Triage: db down\n', { env: { PATH: `${tool.dir}:/usr/bin:/bin`, DISPLAY: ':0' }, platform: 'linux' });
    expect(result).toEqual({ ok: true, method: 'xclip', message: 'copied to the clipboard (xclip)' });
    expect(readFileSync(tool.saved, 'utf8')).toBe('# Triage: db down\n');
    expect(readFileSync(`${tool.saved}.args`, 'utf8').trim()).toBe('-selection clipboard -in');
  });

  it('prefers wl-copy under Wayland and pbcopy on macOS', () => {
    const wl = fakeTool('wl-copy');
    expect(systemClipboardTool({ PATH: wl.dir, WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'linux')?.name).toBe('wl-copy');
    const pb = fakeTool('pbcopy');
    expect(systemClipboardTool({ PATH: pb.dir }, 'darwin')?.name).toBe('pbcopy');
    expect(systemClipboardTool({ PATH: pb.dir }, 'linux')).toBeUndefined();
  });

  it('falls back to OSC 52 when the program fails, and says what to install when nothing works', async () => {
    const broken = fakeTool('xsel', 1);
    const written: string[] = [];
    const fallback = await copyToClipboard('x', { env: { PATH: `${broken.dir}:/usr/bin:/bin`, DISPLAY: ':0' }, platform: 'linux', writeToTerminal: (s) => written.push(s) });
    expect(fallback).toMatchObject({ ok: true, method: 'osc52' });
    const nothing = await copyToClipboard('x', { env: { PATH: tempDir() }, platform: 'linux' });
    expect(nothing).toEqual({ ok: false, message: expect.stringContaining('install xclip, xsel or wl-copy') });
  });

  it('refuses text too large for OSC 52 rather than losing it silently', async () => {
    const written: string[] = [];
    const result = await copyToClipboard('y'.repeat(OSC52_MAX_BASE64), { env: { PATH: tempDir(), SSH_TTY: '/dev/pts/1' }, writeToTerminal: (s) => written.push(s) });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('too large') });
    expect(written).toEqual([]);
  });
});
