/** The slice of a list that fits, keeping the cursor visible, and the "a–b of M" label when clipped. */
export function listWindow(total: number, cursor: number, height: number): { start: number; end: number; label?: string } {
  const size = Math.max(1, height);
  if (total <= size) return { start: 0, end: total };
  const start = Math.min(Math.max(0, cursor - Math.floor(size / 2)), total - size);
  const end = start + size;
  return { start, end, label: `${start + 1}–${end} of ${total}` };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
