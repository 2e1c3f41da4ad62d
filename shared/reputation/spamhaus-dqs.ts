/**
 * The zone to ask for a list, and the zone to show: Spamhaus's lists move to their Data Query
 * Service zone, `<key>.<list>.dq.spamhaus.net`, when a DQS key is given; other lists keep theirs.
 * The key is part of the name asked and never of the name shown.
 *
 * @example
 * listZones("zen.spamhaus.org", "abc123"); // { asked: "abc123.zen.dq.spamhaus.net", shown: "zen.dq.spamhaus.net" }
 * listZones("bl.spamcop.net", "abc123"); // { asked: "bl.spamcop.net", shown: "bl.spamcop.net" }
 */
export function listZones(zone: string, dqsKey: string | undefined): { asked: string; shown: string } {
  const spamhausList = /^([a-z]+)\.spamhaus\.org$/.exec(zone)?.[1];
  if (!dqsKey || spamhausList === undefined) return { asked: zone, shown: zone };
  const shown = `${spamhausList}.dq.spamhaus.net`;
  return { asked: `${dqsKey}.${shown}`, shown };
}
