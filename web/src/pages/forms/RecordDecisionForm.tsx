import { useState } from 'react';
import { InitiativeAnswer, RECORD_DECISION, RecordDecisionInput } from '../../api/mutations';
import {
  COHORT_COMPARISON_QUERY,
  CohortComparisonResult,
  DecisionKind,
  Initiative,
  Iteration,
  SuccessMetric,
} from '../../api/queries';
import { useCommand } from '../../api/useCommand';
import { useQuery } from '../../api/useQuery';
import { ErrorMessage, Loading } from '../../components/ErrorMessage';
import { EvidenceTable } from '../../components/EvidenceTable';
import { DECISION_LABEL, describeComparison, OUTCOME_LABEL } from '../../format';
import { CommandForm } from '../../forms/CommandForm';
import { RecommendationFor } from '../../components/Recommendation';
import { RadioGroup, TextField } from '../../forms/Fields';
import { flash } from '../../forms/flash';
import { useChecks } from '../../forms/problems';
import { navigate } from '../../router';
import { aboutThe, InitiativeFormContext } from './FormPage';

const KIND_HINT: Record<DecisionKind, string> = {
  PERSEVERE: 'keep the hypothesis and run another iteration',
  PIVOT: 'revise the hypothesis and run another iteration',
  SCALE: 'roll it out to the whole team; this closes the initiative',
  STOP: 'end it here; this closes the initiative',
};

export function RecordDecisionForm({ initiative, reload }: InitiativeFormContext) {
  const iteration = [...initiative.iterations].reverse().find((it) => it.completedAt)!;
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [rationale, setRationale] = useState('');
  const [revised, setRevised] = useState('We believe that ');
  const command = useCommand<RecordDecisionInput, InitiativeAnswer>(RECORD_DECISION, 'recordDecision');
  const { errors, check, form } = useChecks(command, ['kind', 'rationale', 'revisedHypothesis']);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!kind) found.kind = 'Choose the decision.';
    if (!rationale.trim()) found.rationale = 'Explain the decision: the rationale is required.';
    const statement = revised.trim();
    if (kind === 'PIVOT' && (!statement || /^we believe that$/i.test(statement))) {
      found.revisedHypothesis = 'A pivot states the revised hypothesis.';
    }
    if (!check(found)) return;
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      kind: kind!,
      rationale: rationale.trim(),
      ...(kind === 'PIVOT' ? { revisedHypothesis: statement } : {}),
    });
    if (!sent) return;
    const next =
      kind === 'SCALE'
        ? ' The initiative now reaches the whole team.'
        : kind === 'STOP'
          ? ''
          : ' Start the next iteration when ready.';
    flash(`Decision recorded: ${DECISION_LABEL[kind!].toLowerCase()}.${next}`);
    navigate({ page: 'initiative', initiativeId: initiative.id });
  };

  return (
    <>
      <FrozenEvidence initiative={initiative} iteration={iteration} />
      <RecommendationFor initiativeId={initiative.id} iteration={iteration.number} />
      <CommandForm
        label="Record decision"
        submitLabel="Record decision"
        onSubmit={submit}
        {...form}
        {...aboutThe(initiative, reload)}
      >
        <RadioGroup
          id="kind"
          label={`Decision after iteration ${iteration.number}`}
          value={kind}
          onChange={setKind}
          error={errors.kind}
          options={(['PERSEVERE', 'PIVOT', 'SCALE', 'STOP'] as const).map((k) => ({
            value: k,
            label: DECISION_LABEL[k],
            hint: KIND_HINT[k],
          }))}
        />
        {kind === 'PIVOT' && (
          <TextField
            id="revisedHypothesis"
            label="Revised hypothesis"
            hint={`It replaces “${initiative.hypothesis ?? ''}”. Shape: We believe that <change> for <who> will <measurable outcome>.`}
            required
            multiline
            rows={3}
            value={revised}
            onChange={setRevised}
            error={errors.revisedHypothesis}
          />
        )}
        <TextField
          id="rationale"
          label="Rationale"
          hint="Why, in a sentence or two: it is kept with the decision and its evidence."
          required
          multiline
          rows={4}
          value={rationale}
          onChange={setRationale}
          error={errors.rationale}
        />
      </CommandForm>
    </>
  );
}

/** The evidence the decision will freeze: per metric, where it stands and the last iteration's comparison, in words. */
function FrozenEvidence({ initiative, iteration }: { initiative: Initiative; iteration: Iteration }) {
  return (
    <section className="card" aria-labelledby="evidence-title" data-testid="evidence-preview">
      <h2 id="evidence-title">Evidence to be frozen into the decision</h2>
      <p className="muted">
        Iteration {iteration.number}
        {iteration.outcome && <>, completed as {OUTCOME_LABEL[iteration.outcome].toLowerCase()}</>}: “{iteration.change}
        ”.
        {iteration.learnings && <> Learnings: {iteration.learnings}</>}
      </p>
      {initiative.metrics.map((metric) => (
        <MetricEvidencePreview
          key={metric.id}
          initiativeId={initiative.id}
          metric={metric}
          iteration={iteration.number}
        />
      ))}
    </section>
  );
}

function MetricEvidencePreview({
  initiativeId,
  metric,
  iteration,
}: {
  initiativeId: string;
  metric: SuccessMetric;
  iteration: number;
}) {
  const { data, error, loading } = useQuery<CohortComparisonResult>(COHORT_COMPARISON_QUERY, {
    initiativeId,
    metricId: metric.id,
    iteration,
    asOf: null,
  });
  if (error != null) return <ErrorMessage error={error} context={`evidence of ${metric.name}`} />;
  if (loading && !data) return <Loading what={`the evidence of ${metric.name}`} />;
  const comparison = data?.cohortComparison ?? null;
  const words = describeComparison(comparison, metric);
  return (
    <div className="evidence-preview">
      <EvidenceTable
        heading="As it will be frozen"
        recorded={{
          metricId: metric.id,
          name: `${metric.name}${metric.kind === 'GUARDRAIL' ? ' (guardrail)' : ''}`,
          baseline: metric.baseline,
          target: metric.target,
          latest: metric.latest,
          progress: metric.progress,
          comparison,
        }}
      />
      <p data-testid={`evidence-words-${metric.id}`}>
        {words.sentence} {words.verdict}
      </p>
    </div>
  );
}
