/**
 * The link level of an event log: activities replaced by the links of the chain that cover them
 * (a link lists the activity names it covers), so every analysis that runs on activities runs on
 * links too — the process map, bottlenecks and variants as the director thinks of the chain.
 *
 * Consecutive events of one case at the same link are one *visit*: a single event of the link
 * whose start is the visit's beginning (the first event's start timestamp when known, else its
 * timestamp) and whose timestamp is the visit's end (the last event's timestamp). Time within a
 * visit is therefore service time of the link, and the time between visits is waiting between
 * links. An activity that no link covers stays an activity of its own, so no event disappears.
 * When an activity is listed by several links, the first of them counts.
 *
 * Typed-array reads use `!`: every index is in bounds by construction.
 */
import { NO_INDEX, type EventLog } from './event-log.ts';
import { StringPool } from './string-pool.ts';

/** A link and the activity names it covers; `name` names its node (e.g. the link's key). */
export interface LinkActivities {
  readonly name: string;
  readonly activities: readonly string[];
}

/** A link-level log and how its nodes relate to the links and activities. */
export interface LinkLevelLog {
  /** One event per visit; `activityNames` holds the link names, then unmapped activity names. */
  readonly log: EventLog;
  /** For each node of {@link log}: the index of its link in the input, or -1 for an unmapped activity. */
  readonly linkOfNode: Int32Array;
  /** For each activity of the original log: its link's index in the input, or -1 when no link covers it. */
  readonly linkOfActivity: Int32Array;
}

/**
 * For each activity of `log`: the index (in `links`) of the first link that lists it, or -1. Used
 * to group activity-level figures by link.
 */
export function computeLinkOfActivity(log: EventLog, links: readonly LinkActivities[]): Int32Array {
  const linkOfActivity = new Int32Array(log.activityNames.size).fill(-1);
  links.forEach((link, index) => {
    for (const name of link.activities) {
      const a = log.activityNames.find(name);
      if (a !== undefined && linkOfActivity[a] === -1) linkOfActivity[a] = index;
    }
  });
  return linkOfActivity;
}

/** Builds the link-level log of `log`; see the module comment. */
export function mapEventLogToLinks(log: EventLog, links: readonly LinkActivities[]): LinkLevelLog {
  const linkOfActivity = computeLinkOfActivity(log, links);
  const names = new StringPool();
  const linkNames = new Set<string>();
  const linkOfNodeList: number[] = [];
  links.forEach((link, index) => {
    names.intern(link.name);
    linkNames.add(link.name);
    linkOfNodeList.push(index);
  });
  const nodeOfActivity = new Uint32Array(log.activityNames.size);
  for (let a = 0; a < nodeOfActivity.length; a++) {
    const link = linkOfActivity[a]!;
    if (link >= 0) {
      nodeOfActivity[a] = link;
      continue;
    }
    const name = log.activityNames.get(a);
    const size = names.size;
    nodeOfActivity[a] = names.intern(linkNames.has(name) ? `${name} (activity)` : name);
    if (names.size > size) linkOfNodeList.push(-1);
  }

  const { caseOffsets, caseCount, activity, timestamp, startTimestamp, partner, resource, fileOrder } = log;
  const visitActivity: number[] = [];
  const visitEnd: number[] = [];
  const visitStart: number[] = [];
  const visitPartner: number[] = [];
  const visitResource: number[] = [];
  const visitOrder: number[] = [];
  const offsets = new Uint32Array(caseCount + 1);
  for (let c = 0; c < caseCount; c++) {
    let previous = -1;
    for (let k = caseOffsets[c]!; k < caseOffsets[c + 1]!; k++) {
      const node = nodeOfActivity[activity[k]!]!;
      if (node === previous) {
        visitEnd[visitEnd.length - 1] = timestamp[k]!;
        continue;
      }
      previous = node;
      const start = startTimestamp === null ? Number.NaN : startTimestamp[k]!;
      visitActivity.push(node);
      visitEnd.push(timestamp[k]!);
      visitStart.push(Number.isNaN(start) ? timestamp[k]! : start);
      visitPartner.push(partner === null ? NO_INDEX : partner[k]!);
      visitResource.push(resource === null ? NO_INDEX : resource[k]!);
      visitOrder.push(fileOrder[k]!);
    }
    offsets[c + 1] = visitActivity.length;
  }
  const n = visitActivity.length;
  const caseIndex = new Uint32Array(n);
  for (let c = 0; c < caseCount; c++) caseIndex.fill(c, offsets[c], offsets[c + 1]);
  return {
    log: {
      eventCount: n,
      caseCount,
      caseIds: log.caseIds,
      activityNames: names,
      partnerNames: log.partnerNames,
      resourceNames: log.resourceNames,
      lifecycleNames: new StringPool(),
      caseOffsets: offsets,
      caseIndex,
      activity: Uint32Array.from(visitActivity),
      timestamp: Float64Array.from(visitEnd),
      startTimestamp: Float64Array.from(visitStart),
      partner: partner === null ? null : Uint32Array.from(visitPartner),
      resource: resource === null ? null : Uint32Array.from(visitResource),
      lifecycle: null,
      fileOrder: Uint32Array.from(visitOrder),
    },
    linkOfNode: Int32Array.from(linkOfNodeList),
    linkOfActivity,
  };
}
