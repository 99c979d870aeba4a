/**
 * Reading what people paste and import: roster lines, spreadsheet blocks and CSV files of readings.
 * Pure functions, so every rule of what is accepted, and why a row is refused, is tested in isolation.
 */
import type { Cohort, MemberRole } from '../api/queries';

/** The service's rule for ids: 1–100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const NAME_MAX = 120;

/** A line that could not be used, and why, in words. */
export interface Refused {
  line: number;
  text: string;
  reason: string;
}

function separatorOf(line: string): string {
  if (line.includes('\t')) return '\t';
  if (line.includes(';') && !line.includes(',')) return ';';
  return ',';
}

/** One line of CSV: separators inside double quotes belong to the value, "" is a quote. */
export function splitLine(line: string, separator = separatorOf(line)): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

function linesOf(text: string): Array<{ line: number; text: string }> {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
}

/** A number as people type it: "12", "12.5", "12,5", " 7 "; null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normal = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

const ROLE_WORDS: Record<string, MemberRole> = {
  director: 'DIRECTOR',
  manager: 'MANAGER',
  'line manager': 'MANAGER',
  ic: 'IC',
  'individual contributor': 'IC',
  rep: 'IC',
};

export interface RosterLine {
  line: number;
  name: string;
  memberId: string;
  role: MemberRole;
  managerId?: string;
}

/**
 * Members pasted one per line as "name, id, role" and optionally a line manager's id (tabs from a
 * spreadsheet, commas or semicolons). A header line is skipped. A line is refused when its id is not
 * an id, its role unknown, its id already taken (in the team or above), or its line manager not a
 * manager or director of the team or of the lines above.
 */
export function parseRoster(
  text: string,
  team: ReadonlyArray<{ id: string; role: MemberRole }>,
): { rows: RosterLine[]; refused: Refused[] } {
  const rows: RosterLine[] = [];
  const refused: Refused[] = [];
  const taken = new Map(team.map((m) => [m.id, m.role]));
  for (const { line, text: raw } of linesOf(text)) {
    const [name = '', memberId = '', roleText = '', managerId = ''] = splitLine(raw);
    const refuse = (reason: string) => refused.push({ line, text: raw, reason });
    if (rows.length === 0 && refused.length === 0 && /^role$/i.test(roleText) && /^id$/i.test(memberId)) continue;
    const role = ROLE_WORDS[roleText.toLowerCase()] ?? (roleText.toUpperCase() as MemberRole);
    if (!name) refuse('no name');
    else if (name.length > NAME_MAX) refuse(`the name is longer than ${NAME_MAX} characters`);
    else if (!memberId) refuse('no id: write name, id, role');
    else if (!ID_PATTERN.test(memberId)) {
      refuse(`“${memberId}” is not an id: use letters, digits, ".", "_", ":" or "-", starting with a letter or digit`);
    } else if (!['DIRECTOR', 'MANAGER', 'IC'].includes(role)) {
      refuse(
        roleText
          ? `“${roleText}” is not a role: write director, manager or IC`
          : 'no role: write director, manager or IC',
      );
    } else if (taken.has(memberId)) refuse(`${memberId} is already a member of the team`);
    else if (managerId && !['MANAGER', 'DIRECTOR'].includes(taken.get(managerId) ?? '')) {
      refuse(`the line manager ${managerId} is not a manager or director of the team`);
    } else {
      rows.push({ line, name, memberId, role, ...(managerId ? { managerId } : {}) });
      taken.set(memberId, role);
    }
  }
  return { rows, refused };
}

/** A block copied from a spreadsheet: rows of cells separated by tabs. */
export function parseBlock(text: string): string[][] {
  const rows = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return rows.map((row) => row.split('\t').map((cell) => cell.trim()));
}

export type Cadence = 'DAILY' | 'WEEKLY' | 'MONTHLY';
const DAY = 86_400_000;

/** The start of the period an instant falls in: the day, the Monday of its week, or the 1st of its month (UTC). */
export function periodStartOf(instant: string | number, cadence: Cadence): string {
  const date = new Date(instant);
  if (cadence === 'MONTHLY')
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const start = cadence === 'WEEKLY' ? day - ((new Date(day).getUTCDay() + 6) % 7) * DAY : day;
  return new Date(start).toISOString().slice(0, 10);
}

export function nextPeriod(period: string, cadence: Cadence): string {
  const date = new Date(`${period}T00:00:00Z`);
  if (cadence === 'MONTHLY')
    return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return new Date(date.getTime() + (cadence === 'WEEKLY' ? 7 : 1) * DAY).toISOString().slice(0, 10);
}

/** The periods of a window: from the one `from` falls in, each that starts before `until`; at least one, at most `max`. */
export function periodsOf(from: string, until: string, cadence: Cadence, max = 26): string[] {
  const periods = [periodStartOf(from, cadence)];
  const end = Date.parse(until);
  for (;;) {
    const next = nextPeriod(periods[periods.length - 1], cadence);
    if (!(Date.parse(`${next}T00:00:00Z`) < end) || periods.length >= max) return periods;
    periods.push(next);
  }
}

/** A date as a period: "2026-01-12", or an ISO date-time whose day it is; null otherwise. */
export function parsePeriod(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!match) return null;
  const time = Date.parse(match[2] ? text.trim() : `${match[1]}T00:00:00Z`);
  if (Number.isNaN(time)) return null;
  return match[2] ? new Date(time).toISOString().slice(0, 10) : match[1];
}

/** Someone whose readings the grid holds. */
export interface CohortMember {
  id: string;
  name: string;
  cohort: Cohort;
}

export interface CsvReading {
  line: number;
  period: string;
  cohort: Cohort;
  personId: string;
  value: number;
}

const COLUMN_NAMES: Record<string, keyof Omit<CsvReading, 'line'>> = {
  period: 'period',
  periodstart: 'period',
  week: 'period',
  date: 'period',
  cohort: 'cohort',
  group: 'cohort',
  person: 'personId',
  participant: 'personId',
  participantid: 'personId',
  member: 'personId',
  name: 'personId',
  id: 'personId',
  value: 'value',
  reading: 'value',
};

/**
 * Readings from a CSV file, one per line: period, cohort, person, value (in that order, or in the order
 * a header line names them). The person is an id or a name of the pilot or control cohort, and must be
 * in the cohort the line names.
 */
export function parseReadingsCsv(
  text: string,
  people: readonly CohortMember[],
): { rows: CsvReading[]; refused: Refused[] } {
  const rows: CsvReading[] = [];
  const refused: Refused[] = [];
  const lines = linesOf(text);
  const separator = lines.length ? separatorOf(lines[0].text) : ',';
  let order: Array<keyof Omit<CsvReading, 'line'>> = ['period', 'cohort', 'personId', 'value'];
  const header = lines[0] ? splitLine(lines[0].text, separator).map((c) => c.toLowerCase().replace(/[^a-z]/g, '')) : [];
  if (header.some((c) => c in COLUMN_NAMES) && header.every((c) => !parsePeriod(c))) {
    order = header.map((c) => COLUMN_NAMES[c]);
    lines.shift();
  }
  const byKey = new Map<string, CohortMember>();
  for (const p of people) {
    byKey.set(p.id.toLowerCase(), p);
    if (!byKey.has(p.name.toLowerCase())) byKey.set(p.name.toLowerCase(), p);
  }
  for (const { line, text: raw } of lines) {
    const cells = splitLine(raw, separator);
    const cell = (name: keyof Omit<CsvReading, 'line'>) => cells[order.indexOf(name)] ?? '';
    const refuse = (reason: string) => refused.push({ line, text: raw, reason });
    const period = parsePeriod(cell('period'));
    const cohortText = cell('cohort').toUpperCase();
    const person = byKey.get(cell('personId').toLowerCase());
    const value = parseNumber(cell('value'));
    if (!period) refuse(`“${cell('period')}” is not a date such as 2026-01-12`);
    else if (cohortText !== 'PILOT' && cohortText !== 'CONTROL')
      refuse(`“${cell('cohort')}” is not a cohort: write pilot or control`);
    else if (!person) refuse(`“${cell('personId')}” is in neither the pilot nor the control cohort`);
    else if (person.cohort !== cohortText) {
      refuse(
        `${person.name} is in the ${person.cohort.toLowerCase()} cohort, not the ${cohortText.toLowerCase()} cohort`,
      );
    } else if (value === null) refuse(`“${cell('value')}” is not a number`);
    else rows.push({ line, period, cohort: person.cohort, personId: person.id, value });
  }
  return { rows, refused };
}
