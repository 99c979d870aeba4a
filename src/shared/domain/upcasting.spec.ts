import { createUpcasting, Upcaster } from './upcasting';

describe('an upcaster registry', () => {
  const renamed: Upcaster = {
    type: 'ThingHappened',
    fromVersion: 1,
    upcast: ({ name, ...rest }) => ({ ...rest, title: name }),
  };
  const counted: Upcaster = { type: 'ThingHappened', fromVersion: 2, upcast: (data) => ({ ...data, count: 0 }) };
  const registry = createUpcasting({ ThingHappened: 3, OtherHappened: 1 }, [counted, renamed]);

  it('chains upcasters one version at a time up to the current version', () => {
    expect(registry.upcast('ThingHappened', { name: 'a' }, 1)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
    expect(registry.upcast('ThingHappened', { title: 'a' }, 2)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
  });

  it('leaves current data, unknown types and newer versions as they are', () => {
    const data = { title: 'a', count: 2 };
    expect(registry.upcast('ThingHappened', data, 3)).toEqual({ data, schemaVersion: 3 });
    expect(registry.upcast('FromElsewhere', data, 1)).toEqual({ data, schemaVersion: 1 });
    expect(registry.upcast('ThingHappened', data, 4)).toEqual({ data, schemaVersion: 4 });
  });

  it('reads an event stored without a version as version 1', () => {
    expect(registry.upcast('ThingHappened', { name: 'a' }, undefined)).toEqual({
      data: { title: 'a', count: 0 },
      schemaVersion: 3,
    });
  });

  it('never edits the stored data', () => {
    const stored = Object.freeze({ name: 'a' });
    registry.upcast('ThingHappened', stored, 1);
    expect(stored).toEqual({ name: 'a' });
  });

  it('gives every step what the store knows of the event besides its data', () => {
    const stamped: Upcaster = {
      type: 'ThingHappened',
      fromVersion: 1,
      upcast: (data, { actor }) => ({ ...data, by: actor }),
    };
    const withActor = createUpcasting({ ThingHappened: 2 }, [stamped]);
    expect(withActor.upcast('ThingHappened', { name: 'a' }, 1, { actor: 'dana' }).data).toEqual({
      name: 'a',
      by: 'dana',
    });
  });

  it('knows the version to write', () => {
    expect(registry.schemaVersionOf('ThingHappened')).toBe(3);
    expect(registry.schemaVersionOf('FromElsewhere')).toBe(1);
  });

  it('refuses a chain with a gap, a duplicate, or a step past the current version', () => {
    expect(() => createUpcasting({ ThingHappened: 3 }, [renamed])).toThrow(
      'No upcaster for ThingHappened from version 2',
    );
    expect(() => createUpcasting({ ThingHappened: 2 }, [renamed, renamed])).toThrow('Two upcasters');
    expect(() => createUpcasting({ ThingHappened: 2 }, [renamed, counted])).toThrow();
    expect(() => createUpcasting({}, [renamed])).toThrow('unknown event type');
  });
});
