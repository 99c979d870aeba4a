/**
 * A client asking several initiatives as they stood at `asOf` in one request, one alias each:
 * the most aliases the default limits leave room for (100, about 2,300 tokens). The dashboard
 * once sent it for its time travel; `initiatives(asOf:)` answers that in one field now, and the
 * query stays the measure of what a script may send.
 */
export function initiativesAsOfQuery(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `i${i}: initiative(id: $id${i}, asOf: $asOf) { id status currentReach }`,
  ).join('\n  ');
  return `query InitiativesAsOf($asOf: DateTime, ${params}) {\n  ${fields}\n}`;
}
