/**
 * An immutable list that appends in amortised O(1): versions share one backing array, each
 * seeing only its own length. Appending to the newest version pushes onto the array; appending
 * to an older one (a fork) copies its part first. Read models that only ever add readings use it
 * so that `evolve` stays pure without copying the whole list per event.
 */
export class AppendOnlyList<T> implements Iterable<T> {
  private constructor(
    private readonly items: T[],
    readonly length: number,
  ) {}

  static empty<T>(): AppendOnlyList<T> {
    return new AppendOnlyList<T>([], 0);
  }

  /** A list holding these items; the array is taken over, not copied. */
  static of<T>(items: T[]): AppendOnlyList<T> {
    return new AppendOnlyList<T>(items, items.length);
  }

  append(item: T): AppendOnlyList<T> {
    const items = this.items.length === this.length ? this.items : this.items.slice(0, this.length);
    items.push(item);
    return new AppendOnlyList(items, this.length + 1);
  }

  toArray(): T[] {
    return this.items.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.items[i];
  }
}
