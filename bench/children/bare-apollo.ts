import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The baseline of the read path: a bare Apollo Server on express, in a process of its own,
 * answering the teamImpact shape with a precomputed object. Prints its URL, then serves until killed.
 */
async function main(): Promise<void> {
  const teamImpact = JSON.parse(process.env.BENCH_TEAM_IMPACT ?? '{}') as Record<string, unknown>;
  const server = new ApolloServer({
    typeDefs: `#graphql
      type StatusCount { status: String! count: Int! }
      type OverdueItem { initiativeId: ID! iteration: Int! kind: String! since: String! }
      type TeamImpact { teamId: ID! asOf: String! headcount: Int! activeInitiatives: Int! coverage: Float!
        reachedMembers: Int! hypothesisHitRate: Float medianDaysToDecision: Float analysisParalysis: [ID!]!
        initiativesByStatus: [StatusCount!]! overdue: [OverdueItem!]! }
      type Query { teamImpact(teamId: ID!): TeamImpact! }`,
    resolvers: { Query: { teamImpact: () => teamImpact } },
  });
  await server.start();
  const web = express();
  web.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  const http = await new Promise<Server>((resolve) => {
    const s: Server = web.listen(0, '127.0.0.1', () => resolve(s));
  });
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql` })}\n`,
  );
  process.on('SIGTERM', () => {
    void server.stop().then(() => http.close(() => process.exit(0)));
  });
}

void main();
