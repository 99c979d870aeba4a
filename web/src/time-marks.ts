import type { Initiative } from './api/queries';
import { DECISION_LABEL, formatDate } from './format';

/** A moment of an initiative worth jumping to in time travel. */
export interface TimeMark {
  at: string;
  label: string;
}

/**
 * The moments of an initiative: its proposal, each iteration's start, and around each decision the
 * last instant before its event (everything earlier is in, the decision is not) and the instant of it.
 */
export function timeMarks(initiative: Pick<Initiative, 'proposedAt' | 'iterations' | 'decisions'>): TimeMark[] {
  const marks: TimeMark[] = [{ at: initiative.proposedAt, label: `Proposed ${formatDate(initiative.proposedAt)}` }];
  for (const it of initiative.iterations) {
    marks.push({ at: it.startedAt, label: `Iteration ${it.number} started` });
  }
  for (const d of initiative.decisions) {
    // Instants are kept to the millisecond, and asOf includes what occurred at it.
    const before = new Date(Date.parse(d.decidedAt) - 1).toISOString();
    marks.push({ at: before, label: `Just before ${DECISION_LABEL[d.kind]}` });
    marks.push({ at: d.decidedAt, label: `After ${DECISION_LABEL[d.kind]}` });
  }
  return marks.sort((a, b) => a.at.localeCompare(b.at));
}
