import { isOnPath } from '../tools.js';

/** A clipboard program and the argv that makes it read the text from stdin. */
export type ClipboardTool = { name: string; argv: string[]; leaveBackground: boolean };

/**
 * The system clipboard program for this machine, if one is installed: pbcopy on macOS, clip.exe
 * under WSL, wl-copy under Wayland, xclip or xsel under X11. xclip, xsel and wl-copy keep running
 * in the background to serve the text, so the runner must leave them be.
 */
export function systemClipboardTool(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): ClipboardTool | undefined {
  const candidates: ClipboardTool[] = [];
  if (platform === 'darwin') candidates.push({ name: 'pbcopy', argv: ['pbcopy'], leaveBackground: false });
  if (platform === 'win32') candidates.push({ name: 'clip', argv: ['clip'], leaveBackground: false });
  if (platform === 'linux' && env.WSL_DISTRO_NAME) candidates.push({ name: 'clip.exe', argv: ['clip.exe'], leaveBackground: false });
  if (env.WAYLAND_DISPLAY) candidates.push({ name: 'wl-copy', argv: ['wl-copy'], leaveBackground: true });
  if (env.DISPLAY) {
    candidates.push({ name: 'xclip', argv: ['xclip', '-selection', 'clipboard', '-in'], leaveBackground: true });
    candidates.push({ name: 'xsel', argv: ['xsel', '--clipboard', '--input'], leaveBackground: true });
  }
  return candidates.find((tool) => isOnPath(tool.argv[0] as string, env));
}
