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

  it('writes long lists of like records as rows, each distinct string once, and reads back the same records', () => {
    const readings = Array.from({ length: 200 }, (_, i) => ({
      periodStart: `2026-01-${String((i % 4) + 1).padStart(2, '0')}T00:00:00.000Z`,
      cohort: i % 2 === 0 ? 'PILOT' : 'CONTROL',
      participantId: i % 3 === 0 ? null : `ic-${i % 5}`,
      value: i / 3,
      done: i % 7 === 0,
    }));
    const state = {
      list: AppendOnlyList.of([...readings]),
      plain: readings,
      odd: [...readings.slice(0, 20), { other: 1 }],
    };
    // Each distinct string once per list written as rows; the odd list's records as they are.
    expect(encodeSnapshot({ list: state.list, plain: state.plain }).split('2026-01-03T00:00:00.000Z')).toHaveLength(3);
    // A field of strings and nulls (a reading's person) is written once per distinct string too.
    expect(encodeSnapshot({ plain: state.plain }).split('"ic-1"')).toHaveLength(2);
    const text = encodeSnapshot(state);
    const back = decodeSnapshot<typeof state>(text);
    expect(back.list.toArray()).toEqual(readings);
    expect(back.plain).toEqual(readings);
    expect(back.odd).toEqual(state.odd);
  });
});
