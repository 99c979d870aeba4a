/**
 * A business rule the command would break. `rule` is a stable PascalCase name clients can
 * branch on; the message speaks to a director.
 */
export class RuleBroken extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RuleBroken';
  }
}

/**
 * One row of a batch command breaks a rule, so the whole batch is refused and nothing is recorded.
 * `list` is the input's list (`readings`), `row` the 0-based index of the row in it, and `field`
 * the path a client highlights (`readings.3.participantId`).
 */
export class RowRefused extends Error {
  readonly field: string;

  constructor(
    readonly list: string,
    readonly row: number,
    readonly broken: RuleBroken,
  ) {
    super(`${list}[${row}]: ${broken.message}`);
    this.name = 'RowRefused';
    this.field = broken.field ? `${list}.${row}.${broken.field}` : `${list}.${row}`;
  }

  get rule(): string {
    return this.broken.rule;
  }
}

/** Decides each row in order, naming the row whose rule is broken: the batch is all or nothing. */
export function eachRow<Row, Result>(
  list: string,
  rows: readonly Row[],
  decide: (row: Row, index: number) => Result,
): Result[] {
  return rows.map((row, index) => {
    try {
      return decide(row, index);
    } catch (error) {
      if (error instanceof RuleBroken) throw new RowRefused(list, index, error);
      throw error;
    }
  });
}
