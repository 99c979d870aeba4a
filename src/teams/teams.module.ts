import { Module } from '@nestjs/common';
import { AddTeamMemberHandler } from './add-team-member/add-team-member.command';
import { AddTeamMemberResolver } from './add-team-member/add-team-member.resolver';
import { AddTeamMembersHandler } from './add-team-members/add-team-members.command';
import { AddTeamMembersResolver } from './add-team-members/add-team-members.resolver';
import { RegisterTeamHandler } from './register-team/register-team.command';
import { RegisterTeamResolver } from './register-team/register-team.resolver';
import { RemoveTeamMemberHandler } from './remove-team-member/remove-team-member.command';
import { RemoveTeamMemberResolver } from './remove-team-member/remove-team-member.resolver';
import { TeamDetailsResolver } from './team-details/team-details.resolver';

/** Teams: who is in them, and the commands that change that: each slice's resolver and handler. */
@Module({
  providers: [
    TeamDetailsResolver,
    RegisterTeamHandler,
    RegisterTeamResolver,
    AddTeamMemberHandler,
    AddTeamMemberResolver,
    AddTeamMembersHandler,
    AddTeamMembersResolver,
    RemoveTeamMemberHandler,
    RemoveTeamMemberResolver,
  ],
})
export class TeamsModule {}
