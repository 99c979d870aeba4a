/** The explorer's example queries, each one click away. Variables are filled with ids found on the service. */

export interface SampleIds {
  teamId: string;
  initiativeId: string;
  decisionId: string;
  asOf: string;
}

export interface Example {
  title: string;
  description: string;
  query: string;
  variables(ids: SampleIds): Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Team impact',
    description: 'Coverage, initiatives by status, hit rate, time to decision, what is overdue',
    query: `# Team-wide impact of every initiative of one team
query TeamImpact($teamId: ID!) {
  teamImpact(teamId: $teamId) {
    teamId
    headcount
    reachedMembers
    coverage
    activeInitiatives
    initiativesByStatus { status count }
    hypothesisHitRate
    medianDaysToDecision
    overdue { initiativeId iteration kind since }
    analysisParalysis
  }
}`,
    variables: (ids) => ({ teamId: ids.teamId }),
  },
  {
    title: 'Initiatives with metrics',
    description: 'The initiative list of a team, each with its success metrics and progress',
    query: `# Initiatives of a team with their success metrics (first 20; page on with "after")
query InitiativesWithMetrics($teamId: ID, $first: Int, $after: String) {
  initiatives(filter: { teamId: $teamId }, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        title
        status
        currentReach
        impact { share recommendation }
        metrics { name unit direction baseline target latest progress onTrack }
      }
    }
  }
}`,
    variables: (ids) => ({ teamId: ids.teamId, first: 20 }),
  },
  {
    title: 'Decision log',
    description: 'Every decision of a team, with rationale and who decided',
    query: `# The decision log of a team, oldest first
query DecisionLog($teamId: ID, $first: Int) {
  decisions(filter: { teamId: $teamId }, first: $first) {
    totalCount
    edges {
      node {
        id
        initiativeId
        kind
        rationale
        decidedBy
        decidedAt
        iteration
        evidence { name baseline target latest progress comparison { difference ciLow ciHigh pValue } }
      }
    }
  }
}`,
    variables: (ids) => ({ teamId: ids.teamId, first: 50 }),
  },
  {
    title: 'Portfolio',
    description: 'Impact across every team the token covers',
    query: `# Impact across all the teams your token covers
query Portfolio {
  portfolioImpact {
    asOf
    headcount
    reachedMembers
    coverage
    initiativesByStatus { status count }
    teams { teamId headcount reachedMembers coverage hypothesisHitRate medianDaysToDecision }
  }
}`,
    variables: () => ({}),
  },
  {
    title: 'Time travel',
    description: 'An initiative as it stood at an earlier instant',
    query: `# An initiative as it stood at asOf (change the instant in the variables)
query InitiativeAsOf($id: ID!, $asOf: DateTime) {
  initiative(id: $id, asOf: $asOf) {
    id
    title
    status
    hypothesis
    version
    iterations { number outcome }
    decisions { kind decidedAt }
  }
}`,
    variables: (ids) => ({ id: ids.initiativeId, asOf: ids.asOf }),
  },
  {
    title: 'Decision replay',
    description: 'Auditors and directors: a decision replayed from the events before it',
    query: `# Replays a decision: does the evidence recomputed from the events match the recorded one?
query Replay($decisionId: ID!) {
  decisionReplay(decisionId: $decisionId) {
    evidenceMatches
    eventsBefore
    decision { kind rationale decidedBy decidedAt }
    initiativeBefore { status hypothesis }
    recomputedEvidence { name latest progress comparison { difference pValue } }
  }
}`,
    variables: (ids) => ({ decisionId: ids.decisionId }),
  },
];

export const SAMPLE_IDS_QUERY = `query SampleIds {
  teams { id }
  initiatives(first: 50) { edges { node { id teamId proposedAt decisions { id decidedAt } } } }
}`;

interface SampleIdsResult {
  teams: Array<{ id: string }>;
  initiatives: {
    edges: Array<{
      node: { id: string; teamId: string; proposedAt: string; decisions: Array<{ id: string; decidedAt: string }> };
    }>;
  };
}

/** Picks real ids from the service (the initiative with the most decisions), or placeholders. */
export function pickSampleIds(data: SampleIdsResult | null): SampleIds {
  const fallback: SampleIds = {
    teamId: 'smb',
    initiativeId: 'channel',
    decisionId: 'a-decision-id',
    asOf: new Date().toISOString(),
  };
  if (!data) return fallback;
  const nodes = data.initiatives.edges.map((e) => e.node);
  const best = [...nodes].sort((a, b) => b.decisions.length - a.decisions.length)[0];
  const firstDecision = best?.decisions[0];
  return {
    teamId: best?.teamId ?? data.teams[0]?.id ?? fallback.teamId,
    initiativeId: best?.id ?? fallback.initiativeId,
    decisionId: firstDecision?.id ?? fallback.decisionId,
    asOf: firstDecision ? new Date(Date.parse(firstDecision.decidedAt) - 1000).toISOString() : fallback.asOf,
  };
}
export type { SampleIdsResult };
