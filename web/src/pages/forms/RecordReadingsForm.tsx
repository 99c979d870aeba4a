import { ChangeEvent, ClipboardEvent, KeyboardEvent, useMemo, useRef, useState } from 'react';
import { InitiativeAnswer, Reading, RECORD_MEASUREMENTS, RecordMeasurementsInput } from '../../api/mutations';
import { SuccessMetric } from '../../api/queries';
import { useCommand } from '../../api/useCommand';
import { formatDate, formatNumber, formatShortDate } from '../../format';
import { CommandForm } from '../../forms/CommandForm';
import { SelectField } from '../../forms/Fields';
import { flash } from '../../forms/flash';
import {
  Cadence,
  CohortMember,
  nextPeriod,
  parseBlock,
  parseNumber,
  parseReadingsCsv,
  periodsOf,
  Refused,
} from '../../forms/parse';
import { messageOf, problemsOf } from '../../forms/problems';
import { navigate } from '../../router';
import { RefusedLines } from './TeamForms';
import { aboutThe, InitiativeFormContext } from './FormPage';

export function periodLabel(period: string, cadence: Cadence): string {
  const iso = `${period}T00:00:00Z`;
  if (cadence === 'WEEKLY') return `Week of ${formatShortDate(iso)}`;
  if (cadence === 'MONTHLY')
    return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
  return formatDate(iso);
}

const cellKey = (metricId: string, personId: string, period: string) => `${metricId}|${personId}|${period}`;

interface Planned extends Reading {
  personName: string;
}

export function ReadingsForm({ initiative, team, reload }: InitiativeFormContext) {
  const open = initiative.iterations.find((it) => !it.completedAt)!;
  const names = useMemo(() => new Map(team.members.map((m) => [m.id, m.name])), [team.members]);
  const people: CohortMember[] = useMemo(
    () => [
      ...initiative.participantIds.map((id) => ({ id, name: names.get(id) ?? id, cohort: 'PILOT' as const })),
      ...initiative.controlIds.map((id) => ({ id, name: names.get(id) ?? id, cohort: 'CONTROL' as const })),
    ],
    [initiative.participantIds, initiative.controlIds, names],
  );
  const [metricId, setMetricId] = useState(
    initiative.metrics.find((m) => m.kind === 'PRIMARY')?.id ?? initiative.metrics[0].id,
  );
  const metric = initiative.metrics.find((m) => m.id === metricId)!;
  const [periodsByMetric, setPeriodsByMetric] = useState<Record<string, string[]>>({});
  const periods = periodsByMetric[metricId] ?? periodsOf(open.startedAt, open.plannedEndAt, metric.cadence);
  const [cells, setCells] = useState<Record<string, string>>({});
  const [imported, setImported] = useState<{ file: string; count: number; refused: Refused[] } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const command = useCommand<RecordMeasurementsInput, InitiativeAnswer>(RECORD_MEASUREMENTS, 'recordMeasurements');
  const problems = problemsOf(command.error, ['readings']);
  const sent = useRef<Planned[]>([]);
  const table = useRef<HTMLTableElement>(null);

  const setPeriods = (next: string[]) => setPeriodsByMetric((all) => ({ ...all, [metricId]: next }));
  const withPeriods = (wanted: Iterable<string>) => {
    const all = [...new Set([...periods, ...wanted])].sort();
    if (all.length !== periods.length) setPeriods(all);
    return all;
  };

  const { planned, unreadable } = useMemo(() => {
    const planned: Planned[] = [];
    const unreadable: string[] = [];
    for (const m of initiative.metrics) {
      const metricPeriods = periodsByMetric[m.id] ?? periodsOf(open.startedAt, open.plannedEndAt, m.cadence);
      for (const period of metricPeriods) {
        for (const person of people) {
          const text = cells[cellKey(m.id, person.id, period)] ?? '';
          if (text.trim() === '') continue;
          const value = parseNumber(text);
          if (value === null) {
            unreadable.push(
              `${person.name}, ${periodLabel(period, m.cadence).toLowerCase()}: “${text}” is not a number`,
            );
            continue;
          }
          planned.push({
            metricId: m.id,
            periodStart: period,
            cohort: person.cohort,
            participantId: person.id,
            value,
            personName: person.name,
          });
        }
      }
    }
    return { planned, unreadable };
  }, [cells, people, periodsByMetric, initiative.metrics, open.startedAt, open.plannedEndAt]);

  const refusedReading = problems.row !== null ? sent.current[problems.row] : undefined;
  const isRefusedCell = (personId: string, period: string) =>
    refusedReading !== undefined &&
    refusedReading.metricId === metricId &&
    refusedReading.participantId === personId &&
    refusedReading.periodStart === period;

  const setCell = (personId: string, period: string, value: string) =>
    setCells((all) => ({ ...all, [cellKey(metricId, personId, period)]: value }));

  const focusCell = (row: number, col: number) => {
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    const moves: Record<string, [number, number] | null> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      Enter: [row + 1, col],
      ArrowLeft: atStart ? [row, col - 1] : null,
      ArrowRight: atEnd ? [row, col + 1] : null,
    };
    const target = moves[event.key];
    if (!target) return;
    const [r, c] = target;
    if (r < 0 || r >= people.length || c < 0 || c >= periods.length) return;
    event.preventDefault();
    focusCell(r, c);
  };

  /** A block copied from a spreadsheet fills the grid from the cell pasted into: people down, periods across. */
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const block = parseBlock(text);
    const width = Math.max(...block.map((r) => r.length));
    let all = periods;
    while (all.length < col + width) all = [...all, nextPeriod(all[all.length - 1], metric.cadence)];
    if (all !== periods) setPeriods(all);
    const next = { ...cells };
    let filled = 0;
    block.forEach((values, i) => {
      const person = people[row + i];
      if (!person) return;
      values.forEach((value, j) => {
        next[cellKey(metricId, person.id, all[col + j])] = value;
        if (value !== '') filled++;
      });
    });
    setCells(next);
    const below = Math.max(0, row + block.length - people.length);
    setNote(
      `Pasted ${filled} ${filled === 1 ? 'value' : 'values'}.` +
        (below
          ? ` ${below} pasted ${below === 1 ? 'row' : 'rows'} fell below the last person and ${below === 1 ? 'was' : 'were'} left out.`
          : ''),
    );
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { rows, refused } = parseReadingsCsv(await file.text(), people);
    withPeriods(rows.map((r) => r.period));
    setCells((all) => {
      const next = { ...all };
      for (const r of rows) next[cellKey(metricId, r.personId, r.period)] = String(r.value);
      return next;
    });
    setImported({ file: file.name, count: rows.length, refused });
  };

  const submit = async () => {
    if (unreadable.length > 0) return;
    sent.current = planned;
    const readings = planned.map(({ personName: _name, ...reading }) => reading);
    const result = await command.send({ initiativeId: initiative.id, expectedVersion: initiative.version, readings });
    if (!result) return;
    flash(`${readings.length} ${readings.length === 1 ? 'reading' : 'readings'} recorded in iteration ${open.number}.`);
    navigate({ page: 'initiative', initiativeId: initiative.id });
  };

  const count = planned.length;
  return (
    <CommandForm
      label="Record readings"
      submitLabel={count > 0 ? `Record ${count} ${count === 1 ? 'reading' : 'readings'}` : 'Record readings'}
      onSubmit={submit}
      sending={command.sending}
      onEdit={command.forgetRefusal}
      problem={problems.general}
      {...aboutThe(initiative, reload)}
      disabledReason={
        unreadable.length > 0
          ? 'Correct the values that are not numbers first.'
          : count === 0
            ? 'Enter at least one reading.'
            : null
      }
    >
      <p>
        Iteration {open.number}: {open.change}{' '}
        <span className="muted">
          (started {formatDate(open.startedAt)}, planned to end {formatDate(open.plannedEndAt)})
        </span>
      </p>
      {initiative.metrics.length > 1 && (
        <SelectField
          id="metric"
          label="Metric"
          value={metricId}
          onChange={setMetricId}
          options={initiative.metrics.map((m) => ({
            value: m.id,
            label: `${m.name} (${m.kind === 'PRIMARY' ? 'primary' : 'guardrail'})`,
          }))}
        />
      )}
      <MetricLine metric={metric} />
      <div className="table-wrap">
        <table ref={table} className="readings-grid" data-testid="readings-grid">
          <caption>
            {metric.name} in {metric.unit}, one column per{' '}
            {metric.cadence === 'DAILY' ? 'day' : metric.cadence === 'WEEKLY' ? 'week' : 'month'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              {periods.map((p) => (
                <th scope="col" key={p}>
                  {periodLabel(p, metric.cadence)}
                </th>
              ))}
            </tr>
          </thead>
          {(['PILOT', 'CONTROL'] as const).map((cohort) => {
            const members = people.filter((p) => p.cohort === cohort);
            if (members.length === 0) return null;
            return (
              <tbody key={cohort}>
                <tr className="cohort-row">
                  <th scope="colgroup" colSpan={periods.length + 1}>
                    {cohort === 'PILOT' ? 'Pilot group' : 'Control group'}
                  </th>
                </tr>
                {members.map((person) => {
                  const row = people.indexOf(person);
                  return (
                    <tr key={person.id}>
                      <th scope="row">{person.name}</th>
                      {periods.map((period, col) => {
                        const value = cells[cellKey(metricId, person.id, period)] ?? '';
                        const bad =
                          (value.trim() !== '' && parseNumber(value) === null) || isRefusedCell(person.id, period);
                        return (
                          <td key={period}>
                            <input
                              className="cell"
                              inputMode="decimal"
                              autoComplete="off"
                              data-row={row}
                              data-col={col}
                              aria-label={`${person.name} (${cohort === 'PILOT' ? 'pilot' : 'control'}), ${periodLabel(period, metric.cadence).toLowerCase()}`}
                              aria-invalid={bad ? true : undefined}
                              value={value}
                              onChange={(e) => setCell(person.id, period, e.target.value)}
                              onKeyDown={(e) => onKeyDown(e, row, col)}
                              onPaste={(e) => onPaste(e, row, col)}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      </div>
      <div className="grid-tools">
        <button
          type="button"
          onClick={() => setPeriods([...periods, nextPeriod(periods[periods.length - 1], metric.cadence)])}
        >
          Add a {metric.cadence === 'DAILY' ? 'day' : metric.cadence === 'WEEKLY' ? 'week' : 'month'}
        </button>
        <label className="file-button">
          Import readings from a CSV file
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={onFile} />
        </label>
        <span className="muted small">
          CSV columns: period, cohort, person, value — e.g. <code>2026-01-12,pilot,ivan,14</code>
        </span>
      </div>
      <p className="muted small">
        Arrow keys and Enter move between cells; a block pasted from a spreadsheet fills people downwards and{' '}
        {metric.cadence === 'DAILY' ? 'days' : metric.cadence === 'WEEKLY' ? 'weeks' : 'months'} across.
      </p>
      <div role="status" className="grid-status">
        {note && <p>{note}</p>}
        {imported && (
          <p>
            Imported {imported.count} {imported.count === 1 ? 'reading' : 'readings'} from {imported.file}
            {imported.refused.length > 0 &&
              `; ${imported.refused.length} ${imported.refused.length === 1 ? 'line was' : 'lines were'} left out`}
            .
          </p>
        )}
      </div>
      {imported && <RefusedLines refused={imported.refused} what="import" />}
      {refusedReading && command.error && (
        <p className="notice notice-error" role="alert" data-testid="refused-reading">
          The service refused the reading of {refusedReading.personName} for{' '}
          {periodLabel(refusedReading.periodStart, metric.cadence).toLowerCase()}: {messageOf(command.error)}. Nothing
          was recorded; correct it and send again.
        </p>
      )}
      <ReadingsPreview planned={planned} unreadable={unreadable} metrics={initiative.metrics} />
    </CommandForm>
  );
}

function MetricLine({ metric }: { metric: SuccessMetric }) {
  return (
    <p className="muted small">
      Baseline {formatNumber(metric.baseline)}, target {formatNumber(metric.target)} {metric.unit} (
      {metric.direction === 'INCREASE' ? 'higher is better' : 'lower is better'}), from {metric.source}.
    </p>
  );
}

/** What will be sent: per metric, period and group, how many readings and their mean; then every reading. */
function ReadingsPreview({
  planned,
  unreadable,
  metrics,
}: {
  planned: readonly Planned[];
  unreadable: readonly string[];
  metrics: readonly SuccessMetric[];
}) {
  const groups = new Map<string, { metric: SuccessMetric; period: string; cohort: string; values: number[] }>();
  for (const r of planned) {
    const key = `${r.metricId}|${r.periodStart}|${r.cohort}`;
    const metric = metrics.find((m) => m.id === r.metricId)!;
    if (!groups.has(key)) groups.set(key, { metric, period: r.periodStart, cohort: r.cohort, values: [] });
    groups.get(key)!.values.push(r.value);
  }
  return (
    <section className="preview" aria-labelledby="readings-preview-title" data-testid="readings-preview">
      <h2 id="readings-preview-title">
        What will be sent: {planned.length} {planned.length === 1 ? 'reading' : 'readings'}
      </h2>
      {unreadable.length > 0 && (
        <div className="refused-lines" data-testid="unreadable-cells">
          <h3>Not numbers, so not sent</h3>
          <ul>
            {unreadable.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      )}
      {planned.length === 0 ? (
        <p className="muted">Nothing yet: fill in the grid above.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  {metrics.length > 1 && <th scope="col">Metric</th>}
                  <th scope="col">Period</th>
                  <th scope="col">Group</th>
                  <th scope="col" className="num">
                    Readings
                  </th>
                  <th scope="col" className="num">
                    Mean
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...groups.values()].map((g) => (
                  <tr key={`${g.metric.id}-${g.period}-${g.cohort}`}>
                    {metrics.length > 1 && <td>{g.metric.name}</td>}
                    <th scope="row">{periodLabel(g.period, g.metric.cadence)}</th>
                    <td>{g.cohort === 'PILOT' ? 'pilot' : 'control'}</td>
                    <td className="num">{g.values.length}</td>
                    <td className="num">{formatNumber(g.values.reduce((a, b) => a + b, 0) / g.values.length)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>Every reading</summary>
            <ol className="reading-list">
              {planned.map((r, i) => (
                <li key={i}>
                  {r.personName} ({r.cohort === 'PILOT' ? 'pilot' : 'control'}), {r.periodStart}:{' '}
                  {formatNumber(r.value)}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}
