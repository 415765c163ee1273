import type { ExportFormat } from '../core/export/render.js';
import { reportPath, resolveReportDestination, writeReportFile } from '../core/export/save-report.js';
import type { SessionRecorder } from '../core/session/store.js';
import { readSettings } from '../core/settings/read-settings.js';
import type { TuiServices } from './services.js';

/**
 * Writing the report from the TUI: by default where the settings' export folder says (else the
 * folder hunch was started in), or wherever the user typed; journaled as exported once written.
 */
export function exportServices(options: { recorder: SessionRecorder; env: NodeJS.ProcessEnv; cwd: string; reportText: (format: ExportFormat) => string }): Pick<TuiServices, 'exportReport' | 'exportPath' | 'exportFormat'> {
  const { recorder, env, cwd } = options;
  const settings = () => readSettings(env).settings.export;
  const exportPath = (format: ExportFormat) => reportPath({ sessionId: recorder.state.id, format, directory: settings().directory, cwd });
  return {
    exportFormat: settings().format,
    exportPath,
    exportReport: (format, destination) => {
      const path = destination ? resolveReportDestination(destination, { sessionId: recorder.state.id, format, cwd }) : exportPath(format);
      try {
        writeReportFile(path, options.reportText(format));
        recorder.record({ type: 'session-exported', format, path });
        return { path };
      } catch (error) {
        return { error: `could not write ${path}: ${(error as Error).message}` };
      }
    },
  };
}
