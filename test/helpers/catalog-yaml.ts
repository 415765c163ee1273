/** A small valid catalogue test, as YAML indented to sit under `tests:` (it starts with a blank line). */
export function harmlessTestYaml(id: string, title = 'A good test'): string {
  return `
  - id: ${id}
    title: ${title}
    summary: Does a harmless thing for the loader test.
    explain: Explains at length why the harmless thing matters here.
    symptoms: [thing broken]
    command: [echo, ok]
    effect: read-only
    requires: {tools: [echo]}
    interpret:
      - when: {stdout: ok}
        outcome: healthy
        finding: fine
    examples:
      - {stdout: ok, outcome: healthy}
      - {stdout: bad, outcome: inconclusive}
`;
}
