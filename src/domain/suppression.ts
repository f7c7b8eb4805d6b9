/**
 * Which groups of a breakdown to hide. Primary: a base below minCell. Secondary: when exactly one
 * cell is hidden and the total is published, total − Σ(shown) would give it back, so the smallest
 * shown group is hidden too. Respondents who did not answer the breakdown question form a cell of
 * their own that is never shown: when it is non-empty it already masks a lone suppressed group.
 */
export function suppressedKeys(
  groups: readonly { key: string; n: number }[],
  total: number,
  minCell: number,
  /** Keys hidden for another reason (hidden in one wave of a table over several): primary too. */
  alsoHidden: ReadonlySet<string> = new Set(),
): Set<string> {
  const hidden = new Set(groups.filter((g) => g.n < minCell || alsoHidden.has(g.key)).map((g) => g.key));
  const remainder = total - groups.reduce((sum, g) => sum + g.n, 0);
  const unknownCells = hidden.size + (remainder > 0 ? 1 : 0);
  if (hidden.size > 0 && unknownCells === 1) {
    const next = groups
      .filter((g) => !hidden.has(g.key))
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}

/** One wave's responses of one event on one kiosk device (or of no device). */
export interface EventDeviceCount {
  eventId: string;
  deviceId: string | null;
  n: number;
}

/** A lone hidden key among several would be total − Σ(shown): hide the smallest shown one too. */
function withComplement(groups: readonly { key: string; n: number }[], hidden: Set<string>): Set<string> {
  if (hidden.size !== 1 || groups.length < 2) return hidden;
  const next = groups
    .filter((g) => !hidden.has(g.key))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
  if (next) hidden.add(next.key);
  return hidden;
}

const sumBy = (rows: readonly EventDeviceCount[], keyOf: (r: EventDeviceCount) => string | null) => {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key !== null) sums.set(key, (sums.get(key) ?? 0) + r.n);
  }
  return [...sums].map(([key, n]) => ({ key, n }));
};

/**
 * The events and kiosk devices whose response counts /counts must hide in one table (one wave, or
 * several summed). Events: a count below minCell, every event the tallies' by=event hides (a count
 * of responses is the base of an indicator whenever everyone answered it), and a second one where
 * a lone hidden event would be total − Σ(shown) (the responses of no event are published, so they
 * count as known). Devices: those of a hidden event (an event's devices sum to it), a count below
 * minCell, and then every device of an event with any device hidden, so that the event's count
 * minus its shown devices gives none back; a lone hidden device gets a second.
 */
function hiddenInTable(
  rows: readonly EventDeviceCount[],
  also: { events: ReadonlySet<string>; devices: ReadonlySet<string> },
  minCell: number,
) {
  const events = sumBy(rows, (r) => r.eventId);
  const hiddenEvents = new Set(
    suppressedKeys(
      events,
      events.reduce((s, e) => s + e.n, 0),
      minCell,
    ),
  );
  for (const key of also.events) if (events.some((e) => e.key === key)) hiddenEvents.add(key);
  withComplement(events, hiddenEvents);
  const devices = sumBy(rows, (r) => r.deviceId);
  const hiddenDevices = new Set(devices.filter((d) => d.n < minCell).map((d) => d.key));
  for (const key of also.devices) if (devices.some((d) => d.key === key)) hiddenDevices.add(key);
  for (const r of rows) if (r.deviceId !== null && hiddenEvents.has(r.eventId)) hiddenDevices.add(r.deviceId);
  const eventsWithHidden = new Set(
    rows.filter((r) => r.deviceId !== null && hiddenDevices.has(r.deviceId)).map((r) => r.eventId),
  );
  for (const r of rows)
    if (r.deviceId !== null && eventsWithHidden.has(r.eventId)) hiddenDevices.add(r.deviceId);
  withComplement(devices, hiddenDevices);
  return { events: hiddenEvents, devices: hiddenDevices };
}

/**
 * The events and devices to hide in /counts over one wave or several, as breakdown() does for the
 * tallies: each wave gets its own suppression (with the events by=event hides in that wave), a key
 * hidden in any wave is hidden over all of them (else all − the other waves gives it back), and the
 * summed table gets its own suppression on top (with the events by=event hides over all of them).
 */
export function hiddenEventsAndDevices(
  byWave: ReadonlyMap<number, readonly EventDeviceCount[]>,
  hiddenByEvent: { perWave: ReadonlyMap<number, ReadonlySet<string>>; all: ReadonlySet<string> },
  minCell: number,
): { events: Set<string>; devices: Set<string> } {
  const events = new Set<string>();
  const devices = new Set<string>();
  for (const [wave, rows] of byWave) {
    const none = new Set<string>();
    const hidden = hiddenInTable(
      rows,
      { events: hiddenByEvent.perWave.get(wave) ?? none, devices: none },
      minCell,
    );
    for (const key of hidden.events) events.add(key);
    for (const key of hidden.devices) devices.add(key);
  }
  return hiddenInTable(
    [...byWave.values()].flat(),
    { events: new Set([...hiddenByEvent.all, ...events]), devices },
    minCell,
  );
}
