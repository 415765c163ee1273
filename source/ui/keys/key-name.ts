import type { Key } from 'ink';

/**
 * One name per keypress, the vocabulary of the key tables: "enter", "esc", "up", "ctrl+c",
 * "pageup", "space", or the character itself.
 */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  return input;
}

/** Whether a keypress is text to insert into a field rather than a command. */
export function isPrintable(input: string, key: Key): boolean {
  return input.length > 0 && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !/[\u0000-\u001f\u007f]/.test(input);
}
