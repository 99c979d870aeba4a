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
