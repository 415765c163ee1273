/** A scored document, with one bit per query word it matched. */
export type RankedDoc = { doc: number; id: string; score: number; mask: number };

/** How much of a result's score survives when it adds no new part of the query to the page. */
const REDUNDANCY_FLOOR = 0.65;

/**
 * Orders the first page so it covers the question, not one word of it ten times: each pick is
 * scored down by how little it adds to the parts of the query already answered higher up (a
 * greedy maximal-coverage ordering). Results that add nothing keep most of their score, so a
 * query with one aspect still ranks by relevance. `weights[i]` is what query word i is worth.
 */
export function diversify(ranked: readonly RankedDoc[], limit: number, weights: readonly number[]): RankedDoc[] {
  const pool = ranked.slice(0, Math.max(limit * 3, 30));
  const rest = ranked.slice(pool.length);
  const weightOf = (mask: number) => {
    let sum = 0;
    for (let i = 0; i < weights.length && i < 31; i++) if (mask & (1 << i)) sum += weights[i] as number;
    return sum;
  };
  let covered = 0;
  const picked: RankedDoc[] = [];
  while (pool.length > 0 && picked.length < limit) {
    let best = 0;
    let bestValue = -1;
    for (const [i, doc] of pool.entries()) {
      const total = weightOf(doc.mask);
      const novelty = total > 0 ? weightOf(doc.mask & ~covered) / total : 0;
      const value = doc.score * (REDUNDANCY_FLOOR + (1 - REDUNDANCY_FLOOR) * novelty);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const [doc] = pool.splice(best, 1);
    if (!doc) break;
    picked.push(doc);
    covered |= doc.mask;
  }
  return [...picked, ...pool, ...rest].slice(0, limit);
}
