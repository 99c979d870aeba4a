export type EventData = { readonly [field: string]: unknown };

/** What the store knows of an event besides its data, for an upcaster that fills a new field from it. */
export interface StoredFacts {
  /** Who sent the command that wrote the event. */
  actor?: string;
}

/** Turns the data of one event type written at `fromVersion` into its shape at `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: EventData, stored: StoredFacts): EventData;
}

export interface Upcasted {
  data: EventData;
  schemaVersion: number;
}

export type SchemaVersions = Readonly<Record<string, number>>;

export interface Upcasting {
  /** The version events of `type` are written at today; 1 for a type with no history of changes. */
  schemaVersionOf(type: string): number;
  /**
   * Brings stored data up to the current version by chaining upcasters one version at a time.
   * Data already current, of an unknown type, or written by a newer release is returned as is,
   * so a replica that is behind on a rolling upgrade still reads the stream.
   */
  upcast(type: string, data: EventData, schemaVersion: number | undefined, stored?: StoredFacts): Upcasted;
}

/**
 * Checks the chain at start-up: a gap (say v2 → v3 missing) would otherwise only show when an
 * old event is read years later.
 */
export function createUpcasting(currentVersions: SchemaVersions, upcasters: readonly Upcaster[]): Upcasting {
  const byStep = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const current = currentVersions[upcaster.type];
    if (current === undefined) throw new Error(`Upcaster for unknown event type ${upcaster.type}`);
    if (!Number.isInteger(upcaster.fromVersion) || upcaster.fromVersion < 1 || upcaster.fromVersion >= current) {
      throw new Error(`${upcaster.type} is at version ${current}: no upcaster from version ${upcaster.fromVersion}`);
    }
    const step = `${upcaster.type}@${upcaster.fromVersion}`;
    if (byStep.has(step)) throw new Error(`Two upcasters for ${step}`);
    byStep.set(step, upcaster);
  }
  for (const [type, current] of Object.entries(currentVersions)) {
    if (!Number.isInteger(current) || current < 1) throw new Error(`${type} has no valid current version`);
    for (let version = 1; version < current; version++) {
      if (!byStep.has(`${type}@${version}`)) throw new Error(`No upcaster for ${type} from version ${version}`);
    }
  }

  const schemaVersionOf = (type: string) => currentVersions[type] ?? 1;
  return {
    schemaVersionOf,
    upcast(type, data, schemaVersion, stored = {}) {
      // Events stored before versions were recorded are the first version.
      let version = schemaVersion ?? 1;
      let upcasted = data;
      const current = schemaVersionOf(type);
      while (version < current) {
        upcasted = byStep.get(`${type}@${version}`)!.upcast(upcasted, stored);
        version++;
      }
      return { data: upcasted, schemaVersion: version };
    },
  };
}
