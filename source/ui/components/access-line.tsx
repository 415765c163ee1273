import { Text } from 'ink';
import { oneLine } from '../../core/text/sanitize.js';
import type { AccessMark } from '../services.js';
import type { Theme } from '../theme.js';

/** The RBAC pre-check on the confirm step, in words: what is missing and what the choices mean. */
export function AccessLine({ mark, theme, width }: { mark: AccessMark | undefined; theme: Theme; width: number }) {
  switch (mark?.state) {
    case undefined:
      return null;
    case 'allowed':
      return <Text dimColor>access: permitted (SelfSubjectAccessReview)</Text>;
    case 'checking':
      return <Text dimColor>access: checking…</Text>;
    case 'unknown':
      return <Text dimColor>{oneLine(`access: unknown (${mark.reason})`, width)}</Text>;
    case 'denied':
      return (
        <Text color={theme.color ? 'yellow' : undefined} wrap="wrap">
          {`NOT PERMITTED: you may not ${mark.missing}. Enter runs it anyway; s skips it and lists it in the report for someone who may.`}
        </Text>
      );
  }
}
