import { useState } from 'react';
import {
  COMPLETE_ITERATION,
  CompleteIterationInput,
  DEFINE_SUCCESS_METRIC,
  DefineSuccessMetricInput,
  InitiativeAnswer,
  LAUNCH_PILOT,
  LaunchPilotInput,
  START_ITERATION,
  StartIterationInput,
  STATE_HYPOTHESIS,
  StateHypothesisInput,
  SUBMIT_FEEDBACK,
  SubmitFeedbackInput,
} from '../../api/mutations';
import { Initiative, IterationOutcome } from '../../api/queries';
import { useCommand } from '../../api/useCommand';
import { formatDate, OUTCOME_LABEL } from '../../format';
import { CommandForm } from '../../forms/CommandForm';
import { DesignCheckFor } from '../../components/DesignCheck';
import { RadioGroup, SelectField, TextField } from '../../forms/Fields';
import { flash } from '../../forms/flash';
import { ID_PATTERN, parseNumber } from '../../forms/parse';
import { problemsOf, useChecks } from '../../forms/problems';
import { href, navigate } from '../../router';
import { useSession } from '../../session';
import { aboutThe, InitiativeFormContext } from './FormPage';

function done(initiative: Initiative, message: string) {
  flash(message);
  navigate({ page: 'initiative', initiativeId: initiative.id });
}

const HYPOTHESIS_SHAPE = 'We believe that <change> for <who> will <measurable outcome>.';

export function StateHypothesisForm({ initiative, reload }: InitiativeFormContext) {
  const [statement, setStatement] = useState(initiative.hypothesis ?? 'We believe that ');
  const command = useCommand<StateHypothesisInput, InitiativeAnswer>(STATE_HYPOTHESIS, 'stateHypothesis');
  const { errors, check, form } = useChecks(command, ['statement']);
  const shaped = /^we believe that .+ for .+ will .+/i.test(statement.trim());

  const submit = async () => {
    const text = statement.trim();
    if (!check(text === '' || /^we believe that$/i.test(text) ? { statement: 'Write the hypothesis.' } : {})) return;
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      statement: text,
    });
    if (sent) done(initiative, 'Hypothesis stated.');
  };

  return (
    <CommandForm
      label="State hypothesis"
      submitLabel="State hypothesis"
      onSubmit={submit}
      {...form}
      {...aboutThe(initiative, reload)}
    >
      <TextField
        id="statement"
        label="Hypothesis"
        hint={`Shape: ${HYPOTHESIS_SHAPE}${initiative.hypothesis ? ' It replaces the one stated before.' : ''}`}
        required
        multiline
        rows={4}
        value={statement}
        onChange={setStatement}
        error={errors.statement}
      />
      <p className="muted small" aria-live="polite" data-testid="hypothesis-shape">
        {shaped
          ? 'It names the change, who it is for and what will be measured.'
          : 'Tip: name the change, who it is for, and the measurable outcome (“… for … will …”).'}
      </p>
    </CommandForm>
  );
}

interface MetricRule {
  rule: string;
  holds: boolean | null;
  text: string;
}

/** The domain's rules for a metric, checked as the form is filled in; null while they cannot be checked yet. */
export function metricRules(
  baseline: number | null,
  target: number | null,
  direction: 'INCREASE' | 'DECREASE',
  name: string,
  taken: readonly string[],
): MetricRule[] {
  const numbers = baseline !== null && target !== null;
  return [
    { rule: 'MetricValuesMustBeFinite', holds: numbers ? true : null, text: 'Baseline and target are numbers' },
    {
      rule: 'BaselineEqualsTarget',
      holds: numbers ? baseline !== target : null,
      text: 'The target differs from the baseline',
    },
    {
      rule: 'TargetAgainstDirection',
      holds: numbers ? (direction === 'INCREASE' ? target! >= baseline! : target! <= baseline!) : null,
      text:
        direction === 'INCREASE'
          ? 'For a metric that should increase, the target is above the baseline'
          : 'For a metric that should decrease, the target is below the baseline',
    },
    {
      rule: 'MetricNameTaken',
      holds: name.trim() ? !taken.some((t) => t.toLowerCase() === name.trim().toLowerCase()) : null,
      text: 'No other metric of this initiative has the same name',
    },
  ];
}

export function DefineMetricForm({ initiative, reload }: InitiativeFormContext) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'PRIMARY' | 'GUARDRAIL'>(
    initiative.metrics.some((m) => m.kind === 'PRIMARY') ? 'GUARDRAIL' : 'PRIMARY',
  );
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<'INCREASE' | 'DECREASE'>('INCREASE');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const [cadence, setCadence] = useState<'DAILY' | 'WEEKLY' | 'MONTHLY'>('WEEKLY');
  const [source, setSource] = useState('');
  const [metricId, setMetricId] = useState('');
  const command = useCommand<DefineSuccessMetricInput, InitiativeAnswer>(DEFINE_SUCCESS_METRIC, 'defineSuccessMetric');
  const fields = ['name', 'unit', 'baseline', 'target', 'source', 'metricId', 'direction', 'cadence', 'kind'];
  const { problems, errors, check, form } = useChecks(command, fields);
  const b = parseNumber(baseline);
  const t = parseNumber(target);
  const rules = metricRules(
    b,
    t,
    direction,
    name,
    initiative.metrics.map((m) => m.name),
  );

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Name the metric.';
    if (!unit.trim()) found.unit = 'Say what is counted, such as “customers”.';
    if (b === null) found.baseline = 'Write the baseline as a number.';
    if (t === null) found.target = 'Write the target as a number.';
    if (!source.trim()) found.source = 'Say where it is measured, such as “CRM”.';
    if (metricId.trim() && !ID_PATTERN.test(metricId.trim()))
      found.metricId = 'Use letters, digits, ".", "_", ":" or "-".';
    if (!check(found)) return;
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      ...(metricId.trim() ? { metricId: metricId.trim() } : {}),
      name: name.trim(),
      kind,
      unit: unit.trim(),
      direction,
      baseline: b!,
      target: t!,
      cadence,
      source: source.trim(),
    });
    if (!sent) return;
    const nowDefined =
      initiative.hypothesis && (kind === 'PRIMARY' || initiative.metrics.some((m) => m.kind === 'PRIMARY'));
    done(
      initiative,
      `Success metric defined.${nowDefined ? ' The initiative is defined: its pilot can be launched.' : ''}`,
    );
  };

  return (
    <CommandForm
      label="Define success metric"
      submitLabel="Define success metric"
      onSubmit={submit}
      {...form}
      {...aboutThe(initiative, reload)}
    >
      <TextField
        id="name"
        label="Metric name"
        required
        value={name}
        onChange={setName}
        error={errors.name}
        placeholder="Customers engaged per week"
      />
      <RadioGroup
        id="kind"
        label="Kind"
        inline
        value={kind}
        onChange={setKind}
        error={errors.kind}
        options={[
          { value: 'PRIMARY', label: 'Primary', hint: 'what the pilot is judged by' },
          { value: 'GUARDRAIL', label: 'Guardrail', hint: 'must not get worse' },
        ]}
      />
      <div className="form-row">
        <TextField
          id="unit"
          label="Unit"
          required
          value={unit}
          onChange={setUnit}
          error={errors.unit}
          placeholder="customers"
        />
        <RadioGroup
          id="direction"
          label="Better when it"
          inline
          value={direction}
          onChange={setDirection}
          error={errors.direction}
          options={[
            { value: 'INCREASE', label: 'Increases' },
            { value: 'DECREASE', label: 'Decreases' },
          ]}
        />
      </div>
      <div className="form-row">
        <TextField
          id="baseline"
          label="Baseline"
          required
          inputMode="decimal"
          value={baseline}
          onChange={setBaseline}
          error={errors.baseline}
        />
        <TextField
          id="target"
          label="Target"
          required
          inputMode="decimal"
          value={target}
          onChange={setTarget}
          error={errors.target}
        />
      </div>
      <section className="rules" aria-labelledby="metric-rules-title" data-testid="metric-rules">
        <h2 id="metric-rules-title" className="rules-title">
          Rules
        </h2>
        <ul aria-live="polite">
          {rules.map((r) => {
            const refused = problems.rule === r.rule || command.error?.errors[0]?.extensions?.rule === r.rule;
            const state = refused || r.holds === false ? 'broken' : r.holds ? 'holds' : 'open';
            return (
              <li key={r.rule} className={`rule rule-${state}`} data-rule={r.rule}>
                <span aria-hidden="true">{state === 'broken' ? '✗ ' : state === 'holds' ? '✓ ' : '· '}</span>
                {r.text}
                <span className="sr-only">{state === 'broken' ? ': broken' : state === 'holds' ? ': holds' : ''}</span>
                {refused && command.error && (
                  <span className="field-error"> — refused by the service: {command.error.message}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <div className="form-row">
        <SelectField
          id="cadence"
          label="Measured"
          value={cadence}
          onChange={(v) => setCadence(v as typeof cadence)}
          error={errors.cadence}
          options={[
            { value: 'DAILY', label: 'Daily' },
            { value: 'WEEKLY', label: 'Weekly' },
            { value: 'MONTHLY', label: 'Monthly' },
          ]}
        />
        <TextField
          id="source"
          label="Data source"
          hint="Where it is measured."
          required
          value={source}
          onChange={setSource}
          error={errors.source}
          placeholder="CRM"
        />
      </div>
      <TextField
        id="metricId"
        label="Metric id"
        hint="Optional: how readings and queries name it; one is made up when left empty."
        value={metricId}
        onChange={setMetricId}
        error={errors.metricId}
      />
    </CommandForm>
  );
}

type Placement = 'PILOT' | 'CONTROL' | 'OUT';

export function LaunchPilotForm({ initiative, team, reload }: InitiativeFormContext) {
  const managers = team.members.filter((m) => m.role === 'MANAGER');
  const ics = team.members.filter((m) => m.role === 'IC');
  const [ownerId, setOwnerId] = useState(managers.length === 1 ? managers[0].id : '');
  const [placement, setPlacement] = useState<Record<string, Placement>>({});
  const command = useCommand<LaunchPilotInput, InitiativeAnswer>(LAUNCH_PILOT, 'launchPilot');
  const problems = problemsOf(command.error, ['ownerId', 'participantIds', 'controlIds']);
  const pilot = ics.filter((m) => placement[m.id] === 'PILOT').map((m) => m.id);
  const control = ics.filter((m) => placement[m.id] === 'CONTROL').map((m) => m.id);

  if (managers.length === 0 || ics.length === 0) {
    return (
      <div className="notice" role="status">
        <p>
          A pilot needs a line manager to own it and ICs to try it; this team has{' '}
          {managers.length === 0 ? 'no manager' : 'no IC'} yet.
        </p>
        <a href={href({ page: 'add-members', teamId: team.id })}>Add members</a>
      </div>
    );
  }

  const submit = async () => {
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      ownerId,
      participantIds: pilot,
      controlIds: control,
    });
    if (sent)
      done(
        initiative,
        `Pilot launched with ${pilot.length} in the pilot group and ${control.length} in the control group.`,
      );
  };

  return (
    <CommandForm
      label="Launch pilot"
      submitLabel="Launch pilot"
      onSubmit={submit}
      sending={command.sending}
      onEdit={command.forgetRefusal}
      problem={problems.general}
      {...aboutThe(initiative, reload)}
      disabledReason={
        !ownerId ? 'Choose who owns the pilot.' : pilot.length === 0 ? 'Put at least one IC in the pilot group.' : null
      }
    >
      <SelectField
        id="ownerId"
        label="Pilot owner (a line manager of the team)"
        required
        value={ownerId}
        onChange={setOwnerId}
        error={problems.byField.ownerId}
        options={[
          { value: '', label: 'Choose a manager' },
          ...managers.map((m) => ({ value: m.id, label: `${m.name} (${m.id})` })),
        ]}
      />
      <fieldset className="form-field cohorts" aria-describedby="cohorts-hint">
        <legend>Pilot and control groups</legend>
        <p id="cohorts-hint" className="muted small">
          Each IC is in the pilot group, in the control group, or in neither — never in both.
        </p>
        <div className="table-wrap">
          <table className="cohort-table">
            <thead>
              <tr>
                <th scope="col">IC</th>
                <th scope="col">Pilot</th>
                <th scope="col">Control</th>
                <th scope="col">Neither</th>
              </tr>
            </thead>
            <tbody>
              {ics.map((m) => {
                const current = placement[m.id] ?? 'OUT';
                const radio = (value: Placement, label: string) => (
                  <td>
                    <input
                      type="radio"
                      name={`placement-${m.id}`}
                      aria-label={`${m.name}: ${label}`}
                      checked={current === value}
                      onChange={() => setPlacement({ ...placement, [m.id]: value })}
                    />
                  </td>
                );
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name} <span className="muted small">{m.id}</span>
                    </th>
                    {radio('PILOT', 'pilot group')}
                    {radio('CONTROL', 'control group')}
                    {radio('OUT', 'neither')}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p aria-live="polite" data-testid="cohort-sizes">
          Pilot group: {pilot.length} · control group: {control.length}
        </p>
        {(problems.byField.participantIds || problems.byField.controlIds) && (
          <p className="field-error">{problems.byField.participantIds ?? problems.byField.controlIds}</p>
        )}
      </fieldset>
      <section aria-labelledby="design-check-title">
        <h3 id="design-check-title">Design check</h3>
        <DesignCheckFor
          initiativeId={initiative.id}
          pilotSize={pilot.length || null}
          controlSize={pilot.length ? control.length : null}
        />
      </section>
    </CommandForm>
  );
}

/** A date input's value as the end of that day where the person is. */
function endOfDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = new Date(`${date}T23:59:00`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function StartIterationForm({ initiative, reload }: InitiativeFormContext) {
  const [change, setChange] = useState('');
  const [plannedEnd, setPlannedEnd] = useState(() => localDate(Date.now() + 14 * 86_400_000));
  const command = useCommand<StartIterationInput, InitiativeAnswer>(START_ITERATION, 'startIteration');
  const { errors, check, form } = useChecks(command, ['change', 'plannedEndAt']);
  const number = initiative.iterations.length + 1;

  const submit = async () => {
    const plannedEndAt = endOfDay(plannedEnd);
    const found: Record<string, string> = {};
    if (!change.trim()) found.change = 'Say what changes in this iteration.';
    if (!plannedEndAt) found.plannedEndAt = 'Pick the day the iteration should end.';
    if (!check(found)) return;
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      change: change.trim(),
      plannedEndAt: plannedEndAt!,
    });
    if (sent) done(initiative, `Iteration ${number} started. Record its readings as they come in.`);
  };

  return (
    <CommandForm
      label="Start iteration"
      submitLabel={`Start iteration ${number}`}
      onSubmit={submit}
      {...form}
      {...aboutThe(initiative, reload)}
    >
      <TextField
        id="change"
        label="What changes in this iteration"
        required
        multiline
        value={change}
        onChange={setChange}
        error={errors.change}
      />
      <TextField
        id="plannedEndAt"
        label="Planned end"
        hint="The day you will look at the results and decide."
        type="date"
        required
        value={plannedEnd}
        onChange={setPlannedEnd}
        error={errors.plannedEndAt}
      />
    </CommandForm>
  );
}

const OUTCOME_HINT: Record<IterationOutcome, string> = {
  VALIDATED: 'the hypothesis held',
  INVALIDATED: 'the hypothesis did not hold',
  INCONCLUSIVE: 'too little to tell',
};

export function CompleteIterationForm({ initiative, reload }: InitiativeFormContext) {
  const open = initiative.iterations.find((it) => !it.completedAt)!;
  const [outcome, setOutcome] = useState<IterationOutcome | null>(null);
  const [learnings, setLearnings] = useState('');
  const command = useCommand<CompleteIterationInput, InitiativeAnswer>(COMPLETE_ITERATION, 'completeIteration');
  const { errors, check, form } = useChecks(command, ['outcome', 'learnings']);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = 'Choose what the iteration showed.';
    if (!learnings.trim()) found.learnings = 'Write down what the iteration taught you.';
    if (!check(found)) return;
    const sent = await command.send({
      initiativeId: initiative.id,
      expectedVersion: initiative.version,
      outcome: outcome!,
      learnings: learnings.trim(),
    });
    if (sent) done(initiative, `Iteration ${open.number} completed: ${OUTCOME_LABEL[outcome!].toLowerCase()}.`);
  };

  return (
    <CommandForm
      label="Complete iteration"
      submitLabel={`Complete iteration ${open.number}`}
      onSubmit={submit}
      {...form}
      {...aboutThe(initiative, reload)}
    >
      <p>
        Iteration {open.number}: {open.change}{' '}
        <span className="muted">(planned to end {formatDate(open.plannedEndAt)})</span>
      </p>
      <RadioGroup
        id="outcome"
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        error={errors.outcome}
        options={(['VALIDATED', 'INVALIDATED', 'INCONCLUSIVE'] as const).map((o) => ({
          value: o,
          label: OUTCOME_LABEL[o],
          hint: OUTCOME_HINT[o],
        }))}
      />
      <TextField
        id="learnings"
        label="Learnings"
        required
        multiline
        rows={4}
        value={learnings}
        onChange={setLearnings}
        error={errors.learnings}
      />
    </CommandForm>
  );
}

export function GiveFeedbackForm({ initiative, team, reload }: InitiativeFormContext) {
  const { session } = useSession();
  const me = team.members.find((m) => m.id === session?.sub);
  const [kind, setKind] = useState<SubmitFeedbackInput['kind']>('SUGGESTION');
  const [text, setText] = useState('');
  const command = useCommand<SubmitFeedbackInput, InitiativeAnswer>(SUBMIT_FEEDBACK, 'submitFeedback');
  const { problems, errors, check, form } = useChecks(command, ['text', 'kind']);

  const submit = async () => {
    if (!check(text.trim() ? {} : { text: 'Write your feedback.' })) return;
    const sent = await command.send({ initiativeId: initiative.id, authorId: session!.sub, kind, text: text.trim() });
    if (sent) done(initiative, 'Thank you: your feedback is recorded.');
  };

  return (
    <CommandForm
      label="Give feedback"
      submitLabel="Give feedback"
      onSubmit={submit}
      {...form}
      {...aboutThe(initiative, reload)}
    >
      <p className="muted">
        You give it as <strong>{me?.name ?? session?.sub}</strong>.
      </p>
      <RadioGroup
        id="kind"
        label="Kind"
        inline
        value={kind}
        onChange={setKind}
        error={problems.byField.kind}
        options={[
          { value: 'SUGGESTION', label: 'Suggestion' },
          { value: 'CONCERN', label: 'Concern' },
          { value: 'PRAISE', label: 'Praise' },
        ]}
      />
      <TextField
        id="text"
        label="Your feedback"
        required
        multiline
        rows={4}
        value={text}
        onChange={setText}
        error={errors.text}
      />
    </CommandForm>
  );
}
