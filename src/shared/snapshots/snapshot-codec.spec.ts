import { AppendOnlyList } from '../domain/append-only-list';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';

describe('snapshot codec', () => {
  it('brings back plain data, maps, sets and append-only lists, however nested', () => {
    const readings = AppendOnlyList.empty<{ value: number }>().append({ value: 1 }).append({ value: 2 });
    const state = {
      title: 'Équipe 🚀',
      nothing: null,
      numbers: [1, 2.5, -3],
      members: new Map([
        ['m1', { role: 'MANAGER', tags: new Set(['a', 'b']) }],
        ['m2', { role: 'IC', tags: new Set<string>() }],
      ]),
      readings,
      nested: [{ list: AppendOnlyList.empty<number>().append(7) }],
    };
    const back = decodeSnapshot<typeof state>(encodeSnapshot(state));
    expect(back.members).toBeInstanceOf(Map);
    expect(back.members.get('m1')!.tags).toEqual(new Set(['a', 'b']));
    expect(back.readings).toBeInstanceOf(AppendOnlyList);
    expect(back.readings.toArray()).toEqual([{ value: 1 }, { value: 2 }]);
    expect(back.nested[0].list.append(8).toArray()).toEqual([7, 8]);
    expect({ ...back, members: [...back.members], readings: back.readings.toArray(), nested: null }).toEqual({
      ...state,
      members: [...state.members],
      readings: readings.toArray(),
      nested: null,
    });
  });

  it('keeps only the part of a shared list that the version saw', () => {
    const shorter = AppendOnlyList.empty<number>().append(1);
    const longer = shorter.append(2);
    const back = decodeSnapshot<{ shorter: AppendOnlyList<number>; longer: AppendOnlyList<number> }>(
      encodeSnapshot({ shorter, longer }),
    );
    expect(back.shorter.toArray()).toEqual([1]);
    expect(back.longer.toArray()).toEqual([1, 2]);
  });
});
