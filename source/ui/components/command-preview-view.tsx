import { Text } from 'ink';
import type { PreviewSegment } from '../state/command-preview.js';
import { sanitizeText } from '../../core/text/sanitize.js';

/** The command with the parameter being chosen highlighted (inverse, or >>…<< without colour). */
export function CommandPreviewView({ segments, current, color }: { segments: PreviewSegment[]; current?: string | undefined; color: boolean }) {
  return (
    <Text wrap="wrap">
      <Text dimColor>$ </Text>
      {segments.map((segment, i) => {
        const text = sanitizeText(segment.text);
        if (segment.param && segment.param === current) {
          return color ? (
            <Text key={i} inverse bold>
              {text}
            </Text>
          ) : (
            <Text key={i} bold>{`>>${text}<<`}</Text>
          );
        }
        return (
          <Text key={i} bold={segment.param !== undefined}>
            {text}
          </Text>
        );
      })}
    </Text>
  );
}
