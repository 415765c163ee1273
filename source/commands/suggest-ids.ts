/** "did you mean …" for a mistyped id: the known ids sharing the most words with it. */
export function suggestIds(wanted: string, known: readonly string[]): string {
  const words = new Set(wanted.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const scored = known
    .map((id) => ({ id, score: id.split('-').filter((w) => words.has(w)).length }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 3);
  return scored.length > 0 ? `did you mean ${scored.map((s) => s.id).join(', ')}? (hunch search <words> lists tests)` : 'hunch search <words> lists tests';
}
