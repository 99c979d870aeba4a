import { AppendOnlyList } from './append-only-list';

describe('AppendOnlyList', () => {
  it('appends without changing any earlier version', () => {
    const empty = AppendOnlyList.empty<number>();
    const one = empty.append(1);
    const two = one.append(2);
    expect(empty.toArray()).toEqual([]);
    expect(one.toArray()).toEqual([1]);
    expect(two.toArray()).toEqual([1, 2]);
    expect([...two]).toEqual([1, 2]);
    expect(two.length).toBe(2);
  });

  it('forks: appending to an older version leaves the newer one as it was', () => {
    const base = AppendOnlyList.empty<string>().append('a').append('b');
    const left = base.append('left');
    const right = base.append('right');
    const further = left.append('more');
    expect(left.toArray()).toEqual(['a', 'b', 'left']);
    expect(right.toArray()).toEqual(['a', 'b', 'right']);
    expect(further.toArray()).toEqual(['a', 'b', 'left', 'more']);
    expect(base.toArray()).toEqual(['a', 'b']);
  });

  it('hands out copies, so a reader cannot change a version', () => {
    const list = AppendOnlyList.empty<number>().append(1);
    list.toArray().push(99);
    expect(list.toArray()).toEqual([1]);
    expect(list.append(2).toArray()).toEqual([1, 2]);
  });
});
