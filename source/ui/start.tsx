import type { CommandContext } from '../commands/registry.js';

export async function startTui(_context: CommandContext): Promise<number> {
  return 0;
}
