/**
 * Schemas of the flow analysis API. Times are seconds, moments ISO 8601 UTC strings. A figure over
 * fewer cases than the chain's small-cell threshold is `null` with `suppressed: true` for callers
 * without access to case-level data (`flow.cases`); statistics of an empty group are `null` too.
 */
import { z } from 'zod';
import { partnerRefSchema } from './import-schemas.ts';

/** The two levels every map-like analysis is shown on. */
export const FLOW_LEVELS = ['activity', 'link'] as const;

/** One of {@link FLOW_LEVELS}. */
export type FlowLevel = (typeof FLOW_LEVELS)[number];

const dateOrMoment = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
    'use a date (2025-03-01, Amsterdam midnight) or an ISO 8601 moment',
  );

/** Filters shared by the analyses. */
export const flowFilterQuerySchema = z.object({
  from: dateOrMoment.optional().describe('Cases that start at or after this date or moment'),
  to: dateOrMoment.optional().describe('Cases that start before this date or moment'),
  partnerId: z.string().optional().describe('Only the events of this partner (id or key)'),
  activity: z.string().max(200).optional().describe('Cases with at least one event of this activity'),
  resource: z.string().max(200).optional().describe('Cases with at least one event by this resource'),
  variant: z
    .string()
    .regex(/^[0-9a-f]{12}$/)
    .optional()
    .describe('Cases of this variant (its id from the variants list)'),
});

/** See {@link flowFilterQuerySchema}. */
export type FlowFilterQuery = z.output<typeof flowFilterQuerySchema>;

/** `?level=activity|link` with the filters. */
export const flowLevelQuerySchema = flowFilterQuerySchema.extend({
  level: z.enum(FLOW_LEVELS).default('activity').describe('Nodes are activities or links of the chain'),
});

const seconds = z.number().nullable();
const count = z.number().int().nullable();

/** A node of a map: an activity, or a link of the chain (or an activity no link covers). */
export const flowNodeSchema = z
  .object({
    id: z.string().describe('The activity name, or the link key'),
    kind: z.enum(['activity', 'link']),
    name: z.string(),
    linkId: z.string().nullable().describe('The link it is, or that covers the activity'),
  })
  .describe('FlowNode');

/** See {@link flowNodeSchema}. */
export type FlowNode = z.infer<typeof flowNodeSchema>;

const timeFiguresSchema = z.object({
  meanSeconds: seconds,
  medianSeconds: seconds,
  p90Seconds: seconds,
});

/** Waiting figures of a group of occurrences. */
export const waitingFiguresSchema = timeFiguresSchema
  .extend({ count, cases: count, totalSeconds: seconds, suppressed: z.boolean() })
  .describe('WaitingFigures');

/** `GET …/flow/summary`. */
export const flowSummarySchema = z
  .object({
    datasetVersion: z.number().int(),
    imports: z.number().int(),
    cases: count,
    events: count,
    activities: z.number().int(),
    partners: z.number().int(),
    firstEvent: z.string().nullable(),
    lastEvent: z.string().nullable(),
    caseDurations: timeFiguresSchema,
    perPartner: z.array(
      z.object({ partner: partnerRefSchema.nullable(), events: count, cases: count, suppressed: z.boolean() }),
    ),
    unmappedActivities: z.array(z.string()).describe('Activities that no link of the chain covers'),
    keyVersions: z.array(z.number().int()),
    warnings: z.array(z.string()),
    smallCellThreshold: z.number().int(),
    suppression: z.boolean().describe('Whether small cells are withheld from this caller'),
  })
  .describe('FlowSummary');

/** `GET …/flow/process-map`. */
export const processMapSchema = z
  .object({
    level: z.enum(FLOW_LEVELS),
    cases: count,
    events: count,
    nodes: z.array(
      z.object({
        node: flowNodeSchema,
        events: count,
        cases: count,
        startCases: count,
        endCases: count,
        serviceTime: timeFiguresSchema
          .extend({ count: z.number().int(), source: z.enum(['start-timestamp', 'lifecycle']) })
          .nullable(),
        suppressed: z.boolean(),
      }),
    ),
    edges: z.array(
      waitingFiguresSchema.extend({
        from: z.string().describe('Node id'),
        to: z.string().describe('Node id'),
      }),
    ),
  })
  .describe('ProcessMap');

const dayPartsSchema = z.object({
  night: waitingFiguresSchema,
  day: waitingFiguresSchema,
  evening: waitingFiguresSchema,
});

/** One segment of the time between a norm's two links. */
export const normSegmentSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    occurrencesInViolations: z.number().int(),
    meanSecondsViolating: z.number(),
    meanSecondsCompliant: z.number(),
    extraSeconds: z.number().describe('What this segment adds to a violating case compared with a compliant one'),
  })
  .describe('NormSegment');

/** `GET …/flow/bottlenecks`. */
export const bottlenecksSchema = z
  .object({
    level: z.enum(FLOW_LEVELS),
    edges: z.array(
      waitingFiguresSchema.extend({
        rank: z.number().int(),
        from: flowNodeSchema,
        to: flowNodeSchema,
        shareOfWaiting: z.number().nullable(),
        handovers: count.describe('Occurrences that cross from one partner to another'),
        byDayPart: dayPartsSchema.describe('night 23–7, day 7–19, evening 19–23 local time, by when the wait began'),
        timeOfDayExcessSeconds: seconds.describe(
          'Waiting above the best part of the day: Σ occurrences × (median of the part − lowest median)',
        ),
        timeOfDayRatio: z.number().describe('Highest over lowest median wait of the parts of the day (each + 60 s)'),
        slowestDayPart: z.enum(['night', 'day', 'evening']).nullable(),
      }),
    ),
    timeOfDay: z
      .array(
        z.object({
          rank: z.number().int(),
          from: flowNodeSchema,
          to: flowNodeSchema,
          ratio: z.number(),
          slowestDayPart: z.enum(['night', 'day', 'evening']),
          excessSeconds: z.number(),
        }),
      )
      .describe(
        'Edges whose waiting depends most on the time of day (ratio of at least 1.5), highest ratio first, at most 10',
      ),
    suppressedEdges: z.number().int().describe('Edges left out because they concern too few cases'),
    norms: z
      .array(
        z.object({
          linkId: z.string(),
          linkName: z.string(),
          violating: count,
          segments: z.array(normSegmentSchema),
        }),
      )
      .describe('Per norm: where violating cases lose their time, most extra time first (links)'),
  })
  .describe('Bottlenecks');

/** `GET …/flow/handovers`. */
export const handoversSchema = z
  .object({
    partners: z.array(partnerRefSchema),
    cells: z.array(waitingFiguresSchema.extend({ from: partnerRefSchema, to: partnerRefSchema })),
    pingPong: z.array(
      z.object({
        partner: partnerRefSchema,
        via: partnerRefSchema,
        occurrences: count,
        cases: count,
        suppressed: z.boolean(),
      }),
    ),
  })
  .describe('Handovers');

/** `GET …/flow/rework`. */
export const reworkSchema = z
  .object({
    activities: z.array(
      z.object({
        node: flowNodeSchema,
        executions: count,
        casesWithRepetition: count,
        repetitions: count,
        casesBySeveralPartners: count.describe('Cases in which two or more partners did it: work done twice'),
        suppressed: z.boolean(),
      }),
    ),
  })
  .describe('Rework');

const complianceSchema = z.object({
  evaluated: count,
  compliant: count,
  share: z.number().nullable(),
  suppressed: z.boolean(),
});

/** `GET …/flow/norms`. */
export const normsSchema = z
  .object({
    norms: z.array(
      complianceSchema.extend({
        linkId: z.string(),
        linkName: z.string(),
        fromLinkId: z.string(),
        fromLinkName: z.string(),
        maxMinutes: z.number().int(),
        description: z.string(),
        casesReachingFrom: count,
        notReached: count,
        violating: count,
        medianSeconds: seconds,
        p90Seconds: seconds,
        byMonth: z.array(complianceSchema.extend({ month: z.string(), medianSeconds: seconds })),
        byDayPart: z.object({ night: complianceSchema, day: complianceSchema, evening: complianceSchema }),
        segments: z.array(normSegmentSchema),
      }),
    ),
  })
  .describe('NormCompliance');

/** `GET …/flow/norms/:linkId/violations`. */
export const normViolationsSchema = z
  .object({
    linkId: z.string(),
    maxMinutes: z.number().int(),
    total: z.number().int(),
    cases: z.array(
      z.object({
        caseId: z.string().describe('Pseudonymous case id'),
        fromTimestamp: z.string(),
        toTimestamp: z.string(),
        spanSeconds: z.number(),
      }),
    ),
  })
  .describe('NormViolations');

/** `GET …/flow/variants`. */
export const variantsSchema = z
  .object({
    level: z.enum(FLOW_LEVELS),
    totalCases: count,
    variants: z.array(
      z.object({
        id: z.string().describe('Stable id of the sequence, for the variant filter'),
        rank: z.number().int(),
        nodes: z.array(z.string()).describe('Node ids in order'),
        cases: z.number().int(),
        share: z.number(),
        medianDurationSeconds: seconds,
      }),
    ),
    otherVariants: z
      .object({ variants: z.number().int(), cases: count })
      .describe('Variants not listed: beyond the limit, or withheld because they have too few cases'),
  })
  .describe('Variants');

/** `GET …/flow/trends`. */
export const trendsSchema = z
  .object({
    months: z.array(
      z.object({
        month: z.string(),
        casesStarted: count,
        events: count,
        meanThroughputSeconds: seconds,
        medianThroughputSeconds: seconds,
        p90ThroughputSeconds: seconds,
        suppressed: z.boolean(),
      }),
    ),
  })
  .describe('Trends');

/** `?days=&endLinkIds=&asOf=` of the stalled-case analyses. */
export const stalledQuerySchema = flowFilterQuerySchema.extend({
  days: z.coerce.number().int().min(1).max(3650).default(30).describe('Stalled after this many days without an event'),
  endLinkIds: z
    .string()
    .optional()
    .describe('Comma-separated ids or keys of the links where a case has properly ended; default the last link'),
  asOf: dateOrMoment.optional().describe('Judge as of this moment; default the last event of the data'),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});

/** `GET …/flow/stalled`. */
export const stalledSchema = z
  .object({
    asOf: z.string().nullable(),
    days: z.number().int(),
    endLinks: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
    cases: count,
    atEnd: count,
    inProgress: count,
    stalled: count,
    byLastNode: z.array(z.object({ node: flowNodeSchema, cases: count, suppressed: z.boolean() })),
  })
  .describe('StalledCases');

/** `GET …/flow/stalled/cases`. */
export const stalledCaseListSchema = z
  .object({
    total: z.number().int(),
    cases: z.array(
      z.object({
        caseId: z.string(),
        lastActivity: z.string(),
        lastTimestamp: z.string(),
        idleSeconds: z.number(),
      }),
    ),
  })
  .describe('StalledCaseList');

/** `GET …/flow/cases/:caseId`. */
export const caseTrajectorySchema = z
  .object({
    caseId: z.string(),
    events: z.array(
      z.object({
        activity: z.string(),
        link: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
        partner: partnerRefSchema.nullable(),
        timestamp: z.string(),
        startTimestamp: z.string().nullable(),
        resource: z.string().nullable(),
        lifecycle: z.string().nullable(),
      }),
    ),
  })
  .describe('CaseTrajectory');
