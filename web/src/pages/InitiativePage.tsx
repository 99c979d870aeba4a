import { useMemo } from 'react';
import { ACTION_LABEL, initiativeActions } from '../actions';
import {
  COHORT_COMPARISON_QUERY,
  CohortComparisonResult,
  Decision,
  DECISION_RULE_QUERY,
  DecisionRuleResult,
  FEEDBACK_QUERY,
  FeedbackResult,
  HYPOTHESIS_REVISIONS_QUERY,
  HypothesisRevisionsResult,
  Initiative,
  INITIATIVE_QUERY,
  InitiativeResult,
  Iteration,
  METRIC_SERIES_QUERY,
  MetricSeriesResult,
  SuccessMetric,
  TEAM_MEMBERS_QUERY,
  TeamMembersResult,
} from '../api/queries';
import { useQuery } from '../api/useQuery';
import { canAudit } from '../auth';
import { DecisionRule } from '../components/DecisionRule';
import { DesignCheck } from '../components/DesignCheck';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { MetricChart } from '../components/MetricChart';
import { OnTrack, Progress } from '../components/Progress';
import { Recommendation } from '../components/Recommendation';
import { StatusBadge } from '../components/StatusBadge';
import { HistoricalBanner, TimeTravel } from '../components/TimeTravel';
import { timeMarks } from '../time-marks';
import {
  DECISION_LABEL,
  describeComparison,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  OUTCOME_LABEL,
} from '../format';
import { Flash } from '../forms/flash';
import { href, navigate } from '../router';
import { useSession } from '../session';

type Names = Map<string, string>;

/** One initiative: hypothesis, impact, metrics with charts and cohort comparisons, timeline, feedback. */
export function InitiativePage({ initiativeId, asOf }: { initiativeId: string; asOf: string | null }) {
  const { session } = useSession();
  const { data, error, loading } = useQuery<InitiativeResult>(INITIATIVE_QUERY, { id: initiativeId, asOf });
  // Today's initiative gives the time-travel control its range and its moments, whatever instant is shown.
  const today = useQuery<InitiativeResult>(INITIATIVE_QUERY, { id: initiativeId, asOf: null }, { skip: !asOf });
  const current = asOf ? today.data?.initiative : data?.initiative;
  const initiative = data?.initiative ?? null;
  const teamId = initiative?.teamId ?? current?.teamId ?? null;
  const members = useQuery<TeamMembersResult>(TEAM_MEMBERS_QUERY, { teamId }, { skip: !teamId });
  const names: Names = useMemo(
    () => new Map((members.data?.team?.members ?? []).map((m) => [m.id, m.name])),
    [members.data],
  );
  const setAsOf = (value: string | null) => navigate({ page: 'initiative', initiativeId }, value);
  const marks = current ? timeMarks(current) : [];
  // Nothing is written into the past: a historical view shows no action.
  const actions =
    initiative && !asOf && members.data?.team ? initiativeActions(session, initiative, members.data.team.members) : [];

  return (
    <>
      <header className="page-header">
        <p className="crumbs">
          <a href={href({ page: 'portfolio' }, asOf)}>Portfolio</a> /{' '}
          {teamId ? <a href={href({ page: 'team', teamId }, asOf)}>{members.data?.team?.name ?? teamId}</a> : 'Team'} /
          Initiative
        </p>
        <h1>
          {initiative?.title ?? current?.title ?? initiativeId}{' '}
          {initiative && <StatusBadge status={initiative.status} />}
        </h1>
        {initiative && (
          <p className="muted">
            Proposed by {names.get(initiative.proposedBy) ?? initiative.proposedBy} on{' '}
            {formatDate(initiative.proposedAt)} · version {initiative.version}
            {canAudit(session) && (
              <>
                {' '}
                · <a href={href({ page: 'audit', initiativeId })}>Audit trail</a>
              </>
            )}
          </p>
        )}
        {actions.length > 0 && (
          <nav aria-label="Initiative actions" className="actions" data-testid="initiative-actions">
            {actions.map((action) => (
              <a key={action} className="action" href={href({ page: 'initiative-form', initiativeId, action })}>
                {ACTION_LABEL[action]}
              </a>
            ))}
          </nav>
        )}
      </header>
      <Flash />
      <HistoricalBanner asOf={asOf} onBackToNow={() => setAsOf(null)} />
      <TimeTravel asOf={asOf} onChange={setAsOf} min={current?.proposedAt ?? null} marks={marks} />
      {error != null && <ErrorMessage error={error} context="initiative" />}
      {loading && !data && <Loading what="the initiative" />}
      {data && !initiative && (
        <div className="notice" role="status">
          {asOf
            ? `This initiative had not been proposed yet on ${formatDateTime(asOf)}.`
            : `There is no initiative "${initiativeId}".`}
        </div>
      )}
      {initiative && (
        <InitiativeBody
          initiative={initiative}
          asOf={asOf}
          names={names}
          canDefine={actions.includes('define-success-metric')}
        />
      )}
    </>
  );
}

function InitiativeBody({
  initiative,
  asOf,
  names,
  canDefine,
}: {
  initiative: Initiative;
  asOf: string | null;
  names: Names;
  canDefine: boolean;
}) {
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  return (
    <>
      <div className="grid two">
        <HypothesisSection initiative={initiative} asOf={asOf} />
        <section className="card" aria-labelledby="impact-title">
          <h2 id="impact-title">Impact assessment</h2>
          <dl className="facts">
            <dt>Potential reach</dt>
            <dd>
              {initiative.impact.potentialReach} of {initiative.impact.headcount} members (
              {formatPercent(initiative.impact.share)})
            </dd>
            <dt>Recommendation</dt>
            <dd>
              {initiative.impact.recommendation === 'DIRECTOR_LED'
                ? 'Director-led initiative'
                : 'Delegate to a manager: run it as a manager-led pilot'}
            </dd>
            <dt>Reach now</dt>
            <dd data-testid="current-reach">{initiative.currentReach} members</dd>
            <dt>Pilot owner</dt>
            <dd>{initiative.ownerId ? name(initiative.ownerId) : 'not launched'}</dd>
            <dt>Pilot group</dt>
            <dd>{initiative.participantIds.length ? initiative.participantIds.map(name).join(', ') : '—'}</dd>
            <dt>Control group</dt>
            <dd>{initiative.controlIds.length ? initiative.controlIds.map(name).join(', ') : 'none'}</dd>
          </dl>
          <p className="problem">
            <strong>Problem:</strong> {initiative.problem}
          </p>
        </section>
      </div>
      <DecisionRuleSection initiative={initiative} asOf={asOf} />
      <MetricsSection initiative={initiative} asOf={asOf} canDefine={canDefine} />
      <TimelineSection initiative={initiative} names={names} />
      <FeedbackSection initiative={initiative} asOf={asOf} names={names} />
    </>
  );
}

function HypothesisSection({ initiative, asOf }: { initiative: Initiative; asOf: string | null }) {
  const revisions = useQuery<HypothesisRevisionsResult>(HYPOTHESIS_REVISIONS_QUERY, { id: initiative.id, asOf });
  const list = revisions.data?.initiative?.hypothesisRevisions ?? [];
  return (
    <section className="card" aria-labelledby="hypothesis-title">
      <h2 id="hypothesis-title">Hypothesis</h2>
      {initiative.hypothesis ? (
        <blockquote className="hypothesis" data-testid="hypothesis">
          {initiative.hypothesis}
        </blockquote>
      ) : (
        <p className="muted">No hypothesis stated yet.</p>
      )}
      {revisions.error != null ? (
        <p className="muted small">The history of the hypothesis is not available from this service.</p>
      ) : list.length > 0 ? (
        <>
          <h3>Revisions</h3>
          <ol className="revisions">
            {list.map((r) => (
              <li key={r.decisionId}>
                <span className="muted small">
                  {formatDate(r.revisedAt)}, by a pivot (
                  <a href={href({ page: 'replay', decisionId: r.decisionId })}>decision</a>)
                </span>
                {r.previous && (
                  <p className="previous">
                    <span className="sr-only">Before: </span>
                    <del>{r.previous}</del>
                  </p>
                )}
                <p>
                  <span className="sr-only">After: </span>
                  {r.statement}
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        revisions.data && <p className="muted small">Never revised.</p>
      )}
    </section>
  );
}

/** The rule written before launch, what the design can show, and what the rule recommended after each iteration. */
function DecisionRuleSection({ initiative, asOf }: { initiative: Initiative; asOf: string | null }) {
  const { data, error } = useQuery<DecisionRuleResult>(DECISION_RULE_QUERY, { id: initiative.id, asOf });
  const found = data?.initiative;
  if (error != null) {
    return (
      <section className="card" aria-labelledby="rule-title">
        <h2 id="rule-title">Decision rule</h2>
        <p className="muted small">The decision rule is not available from this service.</p>
      </section>
    );
  }
  if (!found) return null;
  const primaryUnit = found.metrics.find((m) => m.kind === 'PRIMARY')?.unit;
  const recommended = found.iterations.filter((it) => it.recommendation !== null);
  return (
    <section className="card" aria-labelledby="rule-title" data-testid="rule-section">
      <h2 id="rule-title">Decision rule</h2>
      {found.decisionRule ? (
        <DecisionRule rule={found.decisionRule} metrics={found.metrics} />
      ) : (
        <p className="muted">No decision rule was written: iterations end without a recommendation.</p>
      )}
      {found.decisionRules.length > 1 && (
        <p className="muted small">
          Restated {found.decisionRules.length - 1} time{found.decisionRules.length > 2 ? 's' : ''} by a pivot; every
          version stays in the audit trail.
        </p>
      )}
      {found.designCheck && (
        <>
          <h3>Design check</h3>
          <DesignCheck check={found.designCheck} unit={primaryUnit} />
        </>
      )}
      {recommended.length > 0 && (
        <>
          <h3>Recommendations</h3>
          <ol className="recommendations">
            {recommended.map((it) => (
              <li key={it.number}>
                <strong>After iteration {it.number}</strong>
                <Recommendation
                  recommendation={it.recommendation!}
                  decided={found.decisions.find((d) => d.iteration === it.number) ?? null}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MetricsSection({
  initiative,
  asOf,
  canDefine,
}: {
  initiative: Initiative;
  asOf: string | null;
  canDefine: boolean;
}) {
  if (initiative.metrics.length === 0) {
    return (
      <section className="card" aria-labelledby="metrics-title">
        <h2 id="metrics-title">Success metrics</h2>
        <p className="muted">
          No success metric defined yet: define what success looks like before launching.
          {canDefine && (
            <>
              {' '}
              <a href={href({ page: 'initiative-form', initiativeId: initiative.id, action: 'define-success-metric' })}>
                Define success metric
              </a>
            </>
          )}
        </p>
      </section>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="metrics-title">
        <h2 id="metrics-title">Success metrics</h2>
        <div className="table-wrap">
          <table className="stack" data-testid="metrics-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Baseline
                </th>
                <th scope="col" className="num">
                  Target
                </th>
                <th scope="col" className="num">
                  Latest
                </th>
                <th scope="col">Progress</th>
                <th scope="col">On track</th>
              </tr>
            </thead>
            <tbody>
              {initiative.metrics.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    <div className="muted small">
                      {m.unit}, {m.direction === 'INCREASE' ? 'higher is better' : 'lower is better'},{' '}
                      {m.cadence.toLowerCase()} · from {m.source}
                    </div>
                  </th>
                  <td data-label="Kind">{m.kind === 'PRIMARY' ? 'Primary' : 'Guardrail'}</td>
                  <td data-label="Baseline" className="num">
                    {formatNumber(m.baseline)}
                  </td>
                  <td data-label="Target" className="num">
                    {formatNumber(m.target)}
                  </td>
                  <td data-label="Latest" className="num">
                    {formatNumber(m.latest)}
                  </td>
                  <td data-label="Progress">
                    <Progress value={m.progress} label={`Progress of ${m.name}`} />
                  </td>
                  <td data-label="On track">
                    <OnTrack value={m.onTrack} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {initiative.metrics.map((m) => (
        <MetricPanel key={m.id} initiative={initiative} metric={m} asOf={asOf} />
      ))}
    </>
  );
}

function MetricPanel({
  initiative,
  metric,
  asOf,
}: {
  initiative: Initiative;
  metric: SuccessMetric;
  asOf: string | null;
}) {
  const series = useQuery<MetricSeriesResult>(METRIC_SERIES_QUERY, {
    initiativeId: initiative.id,
    metricId: metric.id,
    asOf,
  });
  const points = series.data?.metricSeries ?? [];
  const completed = initiative.iterations.filter((i) => i.completedAt);
  return (
    <section className="card metric-panel" aria-labelledby={`metric-${metric.id}`}>
      <h2 id={`metric-${metric.id}`}>{metric.name}</h2>
      {series.error != null && <ErrorMessage error={series.error} context="metric series" />}
      {series.loading && !series.data && <Loading what="the metric series" />}
      {series.data && <MetricChart metric={metric} points={points} />}
      <h3>Pilot vs control, iteration by iteration</h3>
      {completed.length === 0 ? (
        <p className="muted">No iteration completed yet: the comparison appears once one is.</p>
      ) : (
        <ul className="comparisons">
          {completed.map((it) => (
            <ComparisonLine key={it.number} initiativeId={initiative.id} metric={metric} iteration={it} asOf={asOf} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ComparisonLine({
  initiativeId,
  metric,
  iteration,
  asOf,
}: {
  initiativeId: string;
  metric: SuccessMetric;
  iteration: Iteration;
  asOf: string | null;
}) {
  const { data, error } = useQuery<CohortComparisonResult>(COHORT_COMPARISON_QUERY, {
    initiativeId,
    metricId: metric.id,
    iteration: iteration.number,
    asOf,
  });
  const words = data ? describeComparison(data.cohortComparison, metric) : null;
  return (
    <li className="comparison" data-testid={`comparison-${metric.id}-${iteration.number}`}>
      <strong>Iteration {iteration.number}</strong>
      {iteration.outcome && (
        <span className={`pill outcome-${iteration.outcome.toLowerCase()}`}>{OUTCOME_LABEL[iteration.outcome]}</span>
      )}
      {error != null && <ErrorMessage error={error} context="cohort comparison" />}
      {words && (
        <>
          <p>{words.sentence}</p>
          {words.verdict && <p className="muted">{words.verdict}</p>}
        </>
      )}
    </li>
  );
}

type TimelineEntry =
  | { at: string; kind: 'start'; iteration: Iteration }
  | { at: string; kind: 'complete'; iteration: Iteration }
  | { at: string; kind: 'decision'; decision: Decision };

function TimelineSection({ initiative, names }: { initiative: Initiative; names: Names }) {
  const { session } = useSession();
  const entries: TimelineEntry[] = [];
  for (const it of initiative.iterations) {
    entries.push({ at: it.startedAt, kind: 'start', iteration: it });
    if (it.completedAt) entries.push({ at: it.completedAt, kind: 'complete', iteration: it });
  }
  for (const d of initiative.decisions) entries.push({ at: d.decidedAt, kind: 'decision', decision: d });
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Iterations and decisions</h2>
      {entries.length === 0 ? (
        <p className="muted">
          {initiative.status === 'PILOTING'
            ? 'The pilot is launched; no iteration has started yet.'
            : 'Not launched yet: iterations and decisions will appear here.'}
        </p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((e) => (
            <li key={`${e.kind}-${e.at}`} className={`timeline-item entry-${e.kind}`}>
              <time dateTime={e.at} className="muted small">
                {formatDateTime(e.at)}
              </time>
              {e.kind === 'start' && (
                <div>
                  <strong>Iteration {e.iteration.number} started</strong>: {e.iteration.change}
                  <div className="muted small">
                    planned to end {formatDate(e.iteration.plannedEndAt)}
                    {e.iteration.overdue && <span className="pill warn small-pill">overdue</span>}
                  </div>
                </div>
              )}
              {e.kind === 'complete' && (
                <div>
                  <strong>Iteration {e.iteration.number} completed</strong>{' '}
                  {e.iteration.outcome && (
                    <span className={`pill outcome-${e.iteration.outcome.toLowerCase()}`}>
                      {OUTCOME_LABEL[e.iteration.outcome]}
                    </span>
                  )}
                  {e.iteration.learnings && <p>Learnings: {e.iteration.learnings}</p>}
                </div>
              )}
              {e.kind === 'decision' && (
                <div>
                  <strong>
                    Decision:{' '}
                    <span className={`decision decision-${e.decision.kind.toLowerCase()}`}>
                      {DECISION_LABEL[e.decision.kind]}
                    </span>
                  </strong>{' '}
                  <span className="muted">
                    by {names.get(e.decision.decidedBy) ?? e.decision.decidedBy}, after iteration {e.decision.iteration}
                  </span>
                  <p>“{e.decision.rationale}”</p>
                  {canAudit(session) && (
                    <a href={href({ page: 'replay', decisionId: e.decision.id })}>Replay this decision</a>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FeedbackSection({ initiative, asOf, names }: { initiative: Initiative; asOf: string | null; names: Names }) {
  const { data, error, loading } = useQuery<FeedbackResult>(FEEDBACK_QUERY, { initiativeId: initiative.id, asOf });
  const items = data?.feedback ?? [];
  return (
    <section className="card" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback from the team</h2>
      {error != null && <ErrorMessage error={error} context="feedback" />}
      {loading && !data && <Loading what="feedback" />}
      {data && items.length === 0 && <p className="muted">No feedback yet.</p>}
      {items.length > 0 && (
        <ul className="feedback">
          {items.map((f) => (
            <li key={f.id}>
              <span className={`pill feedback-${f.kind.toLowerCase()}`}>{f.kind.toLowerCase()}</span>{' '}
              <strong>{names.get(f.authorId) ?? f.authorId}</strong>{' '}
              {f.recordedBy !== f.authorId && (
                <span className="recorded-by muted small" data-testid="recorded-by">
                  recorded by {names.get(f.recordedBy) ?? f.recordedBy} for {names.get(f.authorId) ?? f.authorId}
                </span>
              )}{' '}
              <time className="muted small" dateTime={f.submittedAt}>
                {formatDate(f.submittedAt)}
              </time>
              <p>{f.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
