import { Text } from 'ink';
import { useEffect, useState } from 'react';

const FRAMES_UNICODE = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAMES_ASCII = ['-', '\\', '|', '/'];

/** A labelled spinner; the label says what is being waited for. */
export function Spinner({ label, unicode }: { label: string; unicode: boolean }) {
  const frames = unicode ? FRAMES_UNICODE : FRAMES_ASCII;
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % frames.length), 100);
    return () => clearInterval(timer);
  }, [frames.length]);
  return <Text dimColor wrap="truncate-end">{`${frames[frame]} ${label}`}</Text>;
}
