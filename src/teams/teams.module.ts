import { Module } from '@nestjs/common';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.handler';
import { AddTeamMemberResolver } from './add-team-member/add-team-member.resolver';
import { RegisterTeamHandler } from './register-team/register-team.handler';
import { RegisterTeamResolver } from './register-team/register-team.resolver';
import { RemoveTeamMemberHandler } from './remove-team-member/remove-team-member.handler';
import { RemoveTeamMemberResolver } from './remove-team-member/remove-team-member.resolver';
import { TeamDetailsResolver } from './team-details/team-details.resolver';
import { TeamQueries } from './team-details/team.queries';

@Module({
  providers: [
    TeamQueries,
    TeamDetailsResolver,
    RegisterTeamHandler,
    RegisterTeamResolver,
    AddTeamMemberHandler,
    AddTeamMemberResolver,
    RemoveTeamMemberHandler,
    RemoveTeamMemberResolver,
  ],
  exports: [TeamQueries],
})
export class TeamsModule {}
