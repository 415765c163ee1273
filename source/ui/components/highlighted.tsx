import { Text } from 'ink';
import { stem } from '../../core/search/tokenize.js';

/** Text with the words the query matched in bold (and colour when on), word by word. */
export function Highlighted({ text, query, color }: { text: string; query: string; color: boolean }) {
  const wanted = new Set(
    query
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 2)
      .map(stem),
  );
  if (wanted.size === 0) return <Text>{text}</Text>;
  const parts = text.split(/([A-Za-z0-9]+)/);
  return (
    <Text>
      {parts.map((part, i) =>
        part.length >= 2 && /[A-Za-z0-9]/.test(part) && [...wanted].some((w) => stem(part.toLowerCase()).startsWith(w) || w.startsWith(stem(part.toLowerCase()))) ? (
          <Text key={i} bold underline={!color} color={color ? 'yellow' : undefined}>
            {part}
          </Text>
        ) : (
          <Text key={i}>{part}</Text>
        ),
      )}
    </Text>
  );
}
