import type { Initiative } from '../initiatives/initiative-details/initiative.model';
import { DecisionRule, InitiativeEvent, MetricEvidence, Recommendation } from '../initiatives/domain/initiative.events';
import { ChainVerification } from '../shared/event-store/hash-chain';
import { AuditEntry, DecisionReplayResult } from './audit-log';

/**
 * Plain-text audit reports for a terminal: who did what, when, and on which evidence. Pure
 * functions of the audit answers, so what the CLI prints is what the GraphQL queries return.
 */

/** 2026-01-05T09:00:00.000Z → 2026-01-05 09:00:00Z: readable, still UTC and unambiguous. */
export function formatTime(iso: string): string {
  return iso === '' ? '(no time)' : iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return String(Number(value.toFixed(3)));
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${Number((value * 100).toFixed(1))}%`;
}

function signed(value: number | null): string {
  if (value === null) return 'n/a';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function quote(text: string, max = 100): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}"`;
}

function people(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

/** One metric's frozen evidence in a line: where it stood and how the pilot compared with the control. */
export function formatEvidence(item: MetricEvidence): string {
  const standing = `${item.name} (${item.metricId}): latest ${formatNumber(item.latest)}, baseline ${formatNumber(item.baseline)} → target ${formatNumber(item.target)}, progress ${percent(item.progress)}`;
  const c = item.comparison;
  if (!c) return standing;
  const interval =
    c.ciLow === null || c.ciHigh === null ? '' : `, 95% CI ${formatNumber(c.ciLow)} to ${formatNumber(c.ciHigh)}`;
  const p = c.pValue === null ? '' : c.pValue < 0.001 ? ', p < 0.001' : `, p ${formatNumber(c.pValue)}`;
  return `${standing}; iteration ${c.iteration} pilot vs control ${signed(c.difference)}${interval}${p} (n ${c.pilot.n} vs ${c.control.n})`;
}

/** A decision rule in a line: each metric's minimum effect or maximum harm, and its confidence. */
export function formatRule(rule: DecisionRule): string {
  const terms = rule.metrics.map((m) => {
    const bound =
      m.kind === 'PRIMARY'
        ? `minimum effect ${formatNumber(m.minimumEffect ?? 0)}`
        : m.maximumHarm === null
          ? 'not judged'
          : `maximum harm ${formatNumber(m.maximumHarm)}`;
    return `${m.metricId} ${bound}${m.confidence === null ? '' : ` at ${percent(m.confidence)}`}`;
  });
  return `rule v${rule.version}: ${terms.join('; ')}`;
}

/** What an event says, in words. */
export function summarizeEvent(entry: Pick<AuditEntry, 'type' | 'data'>): string {
  const event = entry as unknown as InitiativeEvent;
  switch (event.type) {
    case 'InitiativeProposed': {
      const d = event.data;
      return `proposed ${quote(d.title)} for team ${d.teamId}, potential reach ${d.potentialReach}; problem: ${quote(d.problem)}`;
    }
    case 'ImpactAssessed': {
      const d = event.data;
      return `impact assessed: reach ${d.potentialReach} of headcount ${d.headcount} = ${percent(d.share)} (threshold ${percent(d.impactThreshold)}) → ${d.recommendation}`;
    }
    case 'HypothesisStated':
      return `hypothesis stated: ${quote(event.data.statement)}`;
    case 'SuccessMetricDefined': {
      const d = event.data;
      return `${d.kind.toLowerCase()} metric ${quote(d.name)} (${d.metricId}, ${d.unit}, ${d.direction}): baseline ${formatNumber(d.baseline)} → target ${formatNumber(d.target)}, ${d.cadence}, measured in ${quote(d.source)}`;
    }
    case 'PilotLaunched': {
      const d = event.data;
      return `pilot launched, owner ${d.ownerId}; participants ${people(d.participantIds)}; control ${people(d.controlIds)}`;
    }
    case 'IterationStarted':
      return `iteration ${event.data.number} started: ${quote(event.data.change)}, planned end ${day(event.data.plannedEndAt)}`;
    case 'MeasurementRecorded': {
      const d = event.data;
      const who = d.participantId ? ` (${d.participantId})` : '';
      return `${d.metricId} = ${formatNumber(d.value)} for the period of ${day(d.periodStart)}, ${d.cohort}${who}, iteration ${d.iteration}`;
    }
    case 'IterationCompleted':
      return `iteration ${event.data.number} completed ${event.data.outcome}: ${quote(event.data.learnings)}`;
    case 'DecisionRecorded': {
      const d = event.data;
      const lines = [`${d.decidedBy} decided ${d.kind} after iteration ${d.iteration}: ${quote(d.rationale, 200)}`];
      for (const item of d.evidence) lines.push(`    evidence: ${formatEvidence(item)}`);
      if (d.evidence.length === 0) lines.push('    evidence: none recorded');
      if (d.rule !== null) lines.push(`    ${formatRule(d.rule)}`);
      if (d.recommendation !== null) {
        const verdict = d.followsRule ? 'followed' : 'overridden';
        lines.push(`    recommended ${d.recommendation.kind} (${verdict}): ${d.recommendation.reasons.join(' ')}`);
      }
      return lines.join('\n');
    }
    case 'DecisionRuleRestated':
      return `decision rule restated by decision ${event.data.decisionId}: ${formatRule(event.data.rule)}`;
    case 'HypothesisRevised':
      return `hypothesis revised by decision ${event.data.decisionId}: ${quote(event.data.statement)}`;
    case 'InitiativeScaled':
      return `scaled to the whole team by decision ${event.data.decisionId}`;
    case 'InitiativeStopped':
      return `stopped by decision ${event.data.decisionId}`;
    case 'FeedbackSubmitted': {
      const { kind, authorId, recordedBy, text } = event.data;
      const recorded = recordedBy === authorId ? '' : `, recorded by ${recordedBy}`;
      return `${kind} from ${authorId}${recorded}: ${quote(text)}`;
    }
    default:
      return JSON.stringify(entry.data);
  }
}

/** The initiative's history, one event per line (decisions with their evidence underneath). */
export function formatTimeline(initiativeId: string, entries: readonly AuditEntry[]): string {
  const lines = [`History of initiative ${initiativeId}: ${entries.length} events`, ''];
  const actorWidth = Math.max(5, ...entries.map((e) => e.actor.length));
  const typeWidth = Math.max(4, ...entries.map((e) => e.type.length));
  for (const entry of entries) {
    const version = `v${entry.revision + 1}`.padEnd(5);
    lines.push(
      `${formatTime(entry.occurredAt)}  ${version} ${entry.actor.padEnd(actorWidth)}  ${entry.type.padEnd(typeWidth)}  ${summarizeEvent(entry)}`,
    );
  }
  return lines.join('\n');
}

function describeInitiative(initiative: Initiative): string[] {
  const lines = [
    `  ${quote(initiative.title)} (team ${initiative.teamId}): ${initiative.status}, version ${initiative.version}`,
    `  hypothesis: ${initiative.hypothesis === null ? 'none' : quote(initiative.hypothesis, 200)}`,
  ];
  if (initiative.ownerId) {
    lines.push(
      `  pilot owner ${initiative.ownerId}; ${initiative.participantIds.length} participants, ${initiative.controlIds.length} in control; current reach ${initiative.currentReach}`,
    );
  }
  for (const it of initiative.iterations) {
    const state = it.completedAt
      ? `${it.outcome} on ${day(it.completedAt)}`
      : `open, planned end ${day(it.plannedEndAt)}`;
    lines.push(`  iteration ${it.number}: ${quote(it.change)}, ${state}${it.overdue ? ' (overdue)' : ''}`);
  }
  for (const m of initiative.metrics) {
    lines.push(
      `  metric ${quote(m.name)}: latest ${formatNumber(m.latest)}, progress ${percent(m.progress)}${m.onTrack === null ? '' : m.onTrack ? ', on track' : ', off track'}`,
    );
  }
  for (const d of initiative.decisions)
    lines.push(`  earlier decision: ${d.kind} after iteration ${d.iteration} by ${d.decidedBy}`);
  return lines;
}

/** The decision as its maker saw it: the initiative just before, recorded and recomputed evidence. */
function ruleAndRecommendation(rule: DecisionRule | null, recommendation: Recommendation | null): string {
  return `${rule === null ? 'no rule' : formatRule(rule)}; recommended ${recommendation?.kind ?? 'nothing'}`;
}

export function formatReplay(replay: DecisionReplayResult): string {
  const d = replay.decision;
  const evidenceLines = (items: readonly MetricEvidence[]) =>
    items.length === 0 ? ['  none'] : items.map((item) => `  ${formatEvidence(item)}`);
  return [
    `Decision ${d.id} on initiative ${d.initiativeId}: ${d.kind} by ${d.decidedBy} at ${formatTime(d.decidedAt)}, after iteration ${d.iteration}`,
    `Rationale: ${quote(d.rationale, 400)}`,
    '',
    `The initiative just before the decision (${replay.eventsBefore} events):`,
    ...describeInitiative(replay.initiativeBefore),
    '',
    'Evidence recorded in the decision:',
    ...evidenceLines(d.evidence),
    'Evidence recomputed from the replayed events:',
    ...evidenceLines(replay.recomputedEvidence),
    ...(d.rule === null && replay.recomputedRule === null
      ? []
      : [
          'Rule and recommendation recorded in the decision:',
          `  ${ruleAndRecommendation(d.rule, d.recommendation)}`,
          'Rule and recommendation recomputed from the replayed events:',
          `  ${ruleAndRecommendation(replay.recomputedRule, replay.recomputedRecommendation)}`,
        ]),
    '',
    replay.evidenceMatches
      ? 'Evidence matches: yes, the recorded evidence is what the events before the decision give'
      : 'Evidence matches: NO, the recorded evidence differs from what the events before the decision give',
  ].join('\n');
}

export function formatVerification(initiativeId: string, verification: ChainVerification): string {
  if (verification.valid) {
    return `Audit trail of initiative ${initiativeId}: VALID, ${verification.checkedEvents} events, every hash and every link checks out`;
  }
  const version = verification.firstBrokenVersion!;
  return `Audit trail of initiative ${initiativeId}: INVALID, first broken version ${version} (revision ${version - 1}): its hash or its link to the previous event does not check out; ${verification.checkedEvents} events checked`;
}
