/** The command or question names an entity that does not exist (or did not yet at the instant asked). */
export class NotFound extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}"`);
    this.name = 'NotFound';
  }
}
