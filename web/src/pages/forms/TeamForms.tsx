import { ReactNode, useMemo, useState } from 'react';
import { mayRegisterTeam, TeamAction, teamActions } from '../../actions';
import {
  ADD_TEAM_MEMBER,
  ADD_TEAM_MEMBERS,
  AddTeamMemberInput,
  AddTeamMembersInput,
  InitiativeAnswer,
  PROPOSE_INITIATIVE,
  ProposeInitiativeInput,
  REGISTER_TEAM,
  RegisterTeamInput,
  TeamAnswer,
} from '../../api/mutations';
import { MemberRole } from '../../api/queries';
import { useCommand } from '../../api/useCommand';
import { ErrorMessage, Loading } from '../../components/ErrorMessage';
import { formatPercent } from '../../format';
import { CommandForm } from '../../forms/CommandForm';
import { SelectField, TextField } from '../../forms/Fields';
import { flash } from '../../forms/flash';
import { ID_PATTERN, parseNumber, parseRoster } from '../../forms/parse';
import { messageOf, problemsOf, useChecks } from '../../forms/problems';
import { href, navigate } from '../../router';
import { useSession } from '../../session';
import { FormPageHeader, NotPossible, useRoster } from './FormPage';

/** An id a person would pick for a name: "SMB account development" → "smb-account-development". */
export function idFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const ROLE_OPTIONS: Array<{ value: MemberRole; label: string }> = [
  { value: 'IC', label: 'IC (individual contributor)' },
  { value: 'MANAGER', label: 'Line manager' },
  { value: 'DIRECTOR', label: 'Director' },
];

/** Register team: a director of all teams names it, its impact threshold and its analysis-paralysis limit. */
export function RegisterTeamPage() {
  const { session } = useSession();
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [threshold, setThreshold] = useState('50');
  const [paralysis, setParalysis] = useState('21');
  const command = useCommand<RegisterTeamInput, TeamAnswer>(REGISTER_TEAM, 'registerTeam');
  const { errors, check, form } = useChecks(command, ['name', 'teamId', 'impactThreshold', 'paralysisLimitDays']);
  const chosenId = teamId.trim() || idFrom(name);

  const submit = async () => {
    const share = parseNumber(threshold);
    const days = parseNumber(paralysis);
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Give the team a name.';
    if (chosenId && !ID_PATTERN.test(chosenId)) found.teamId = 'Use letters, digits, ".", "_", ":" or "-".';
    if (share === null) found.impactThreshold = 'Write the threshold as a percentage, such as 50.';
    if (days === null) found.paralysisLimitDays = 'Write a number of days, such as 21.';
    if (!check(found)) return;
    const sent = await command.send({
      teamId: chosenId || undefined,
      name: name.trim(),
      impactThreshold: share! / 100,
      paralysisLimitDays: days!,
    });
    if (!sent) return;
    const id = sent.answer?.id ?? chosenId;
    flash(`Team “${name.trim()}” registered. Add its members next.`);
    navigate({ page: 'team', teamId: id });
  };

  return (
    <>
      <FormPageHeader
        crumbs={<a href={href({ page: 'portfolio' })}>Portfolio</a>}
        title="Register team"
        intro="A team is a director's group of line managers and ICs; its headcount is the denominator of every team-wide figure."
      />
      {!mayRegisterTeam(session) ? (
        <NotPossible back={{ href: href({ page: 'portfolio' }), label: 'Back to the portfolio' }}>
          Registering a team takes a director signed in for all teams.
        </NotPossible>
      ) : (
        <CommandForm
          label="Register team"
          submitLabel="Register team"
          onSubmit={submit}
          {...form}
          entity="team"
          cancelHref={href({ page: 'portfolio' })}
        >
          <TextField id="name" label="Team name" required value={name} onChange={setName} error={errors.name} />
          <TextField
            id="teamId"
            label="Team id"
            hint={`Used in addresses and tokens; “${chosenId || '…'}” unless you choose one.`}
            value={teamId}
            onChange={setTeamId}
            placeholder={idFrom(name)}
            error={errors.teamId}
          />
          <div className="form-row">
            <TextField
              id="impactThreshold"
              label="Impact threshold (% of the headcount)"
              hint="Ideas reaching less than this share of the team are delegated to a manager."
              inputMode="decimal"
              value={threshold}
              onChange={setThreshold}
              error={errors.impactThreshold}
            />
            <TextField
              id="paralysisLimitDays"
              label="Analysis paralysis after (days)"
              hint="An idea not launched after this many days needs attention."
              inputMode="numeric"
              value={paralysis}
              onChange={setParalysis}
              error={errors.paralysisLimitDays}
            />
          </div>
        </CommandForm>
      )}
    </>
  );
}

/** A form page on a team: loads its roster, and says why not when the action is not open to the signed-in person. */
function TeamFormPage({
  teamId,
  action,
  title,
  intro,
  refusal,
  children,
}: {
  teamId: string;
  action: TeamAction;
  title: string;
  intro: string;
  /** Why the action is not open, in words. */
  refusal: string;
  children(team: RosterTeam, reload: () => void): ReactNode;
}) {
  const { session } = useSession();
  const { team, error, loading, reload } = useRoster(teamId);
  const back = { href: href({ page: 'team', teamId }), label: 'Back to the team' };
  const allowed = teamActions(session, teamId).includes(action);
  return (
    <>
      <FormPageHeader
        crumbs={
          <>
            <a href={href({ page: 'portfolio' })}>Portfolio</a> / <a href={back.href}>{team?.name ?? teamId}</a>
          </>
        }
        title={title}
        intro={intro}
      />
      {error != null && <ErrorMessage error={error} context="team" />}
      {loading && !team && <Loading what="the team" />}
      {team && !allowed && <NotPossible back={back}>{refusal}</NotPossible>}
      {team && allowed && children(team, reload)}
    </>
  );
}

/** Add members: one through a small form, or many pasted from a spreadsheet, one per line. */
export function AddMembersPage({ teamId }: { teamId: string }) {
  return (
    <TeamFormPage
      teamId={teamId}
      action="add-members"
      title="Add members"
      intro="Line managers and ICs count in the headcount; directors do not."
      refusal="Only a director of this team adds members."
    >
      {(team, reload) => (
        <div className="grid two">
          <PasteMembersForm team={team} onReload={reload} />
          <OneMemberForm team={team} onReload={reload} />
        </div>
      )}
    </TeamFormPage>
  );
}

type RosterTeam = NonNullable<ReturnType<typeof useRoster>['team']>;

function leadersOf(team: RosterTeam) {
  return team.members.filter((m) => m.role !== 'IC');
}

function OneMemberForm({ team, onReload }: { team: RosterTeam; onReload(): void }) {
  const [name, setName] = useState('');
  const [memberId, setMemberId] = useState('');
  const [role, setRole] = useState<MemberRole>('IC');
  const [managerId, setManagerId] = useState('');
  const command = useCommand<AddTeamMemberInput, TeamAnswer>(ADD_TEAM_MEMBER, 'addTeamMember');
  const { errors, check, form } = useChecks(command, ['name', 'memberId', 'role', 'managerId']);
  const chosenId = memberId.trim() || idFrom(name);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Write the member’s name.';
    if (!ID_PATTERN.test(chosenId)) found.memberId = 'Use letters, digits, ".", "_", ":" or "-".';
    if (!check(found)) return;
    const sent = await command.send({
      teamId: team.id,
      expectedVersion: team.version,
      memberId: chosenId,
      name: name.trim(),
      role,
      ...(managerId ? { managerId } : {}),
    });
    if (!sent) return;
    flash(`${name.trim()} added to the team.`);
    navigate({ page: 'team', teamId: team.id });
  };

  return (
    <CommandForm
      label="Add one member"
      submitLabel="Add member"
      onSubmit={submit}
      {...form}
      entity="team"
      onReload={onReload}
    >
      <h2>One member</h2>
      <TextField id="member-name" label="Name" required value={name} onChange={setName} error={errors.name} />
      <TextField
        id="member-id"
        label="Id"
        hint={`How tokens and readings name them; “${chosenId || '…'}” unless you choose one.`}
        value={memberId}
        onChange={setMemberId}
        placeholder={idFrom(name)}
        error={errors.memberId}
      />
      <SelectField
        id="member-role"
        label="Role"
        value={role}
        onChange={(value) => setRole(value as MemberRole)}
        options={ROLE_OPTIONS}
        error={errors.role}
      />
      <SelectField
        id="member-manager"
        label="Line manager"
        value={managerId}
        onChange={setManagerId}
        options={[
          { value: '', label: 'None' },
          ...leadersOf(team).map((m) => ({ value: m.id, label: `${m.name} (${m.id})` })),
        ]}
        error={errors.managerId}
      />
    </CommandForm>
  );
}

function PasteMembersForm({ team, onReload }: { team: RosterTeam; onReload(): void }) {
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseRoster(text, team.members), [text, team.members]);
  const command = useCommand<AddTeamMembersInput, TeamAnswer>(ADD_TEAM_MEMBERS, 'addTeamMembers');
  const problems = problemsOf(command.error, ['members']);
  const count = parsed.rows.length;

  const submit = async () => {
    const members = parsed.rows.map(({ memberId, name, role, managerId }) => ({
      memberId,
      name,
      role,
      ...(managerId ? { managerId } : {}),
    }));
    const sent = await command.send({ teamId: team.id, expectedVersion: team.version, members });
    if (!sent) return;
    flash(`${count} ${count === 1 ? 'member' : 'members'} added to the team.`);
    navigate({ page: 'team', teamId: team.id });
  };

  return (
    <CommandForm
      label="Add members from a paste"
      submitLabel={count > 0 ? `Add ${count} ${count === 1 ? 'member' : 'members'}` : 'Add members'}
      onSubmit={submit}
      sending={command.sending}
      onEdit={command.forgetRefusal}
      problem={problems.general}
      entity="team"
      onReload={onReload}
      disabledReason={count === 0 ? 'Paste at least one member.' : null}
    >
      <h2>Many at once</h2>
      <TextField
        id="members-paste"
        label="Members, one per line"
        hint="Name, id, role (director, manager or IC) and, if you like, a line manager's id — copied from a spreadsheet, or separated by commas."
        multiline
        rows={8}
        value={text}
        onChange={setText}
        placeholder={'Maya Ortiz, maya, manager\nIvan Petrov, ivan, IC, maya'}
        error={problems.byField.members}
      />
      {(count > 0 || parsed.refused.length > 0) && (
        <section aria-labelledby="members-preview-title" className="preview" data-testid="members-preview">
          <h3 id="members-preview-title">
            What will be sent: {count} {count === 1 ? 'member' : 'members'}
          </h3>
          {count > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Name</th>
                    <th scope="col">Id</th>
                    <th scope="col">Role</th>
                    <th scope="col">Line manager</th>
                  </tr>
                </thead>
                <tbody>
                  {parsed.rows.map((row, index) => {
                    const refusedHere = problems.row === index && command.error;
                    return (
                      <tr key={row.line} className={refusedHere ? 'refused' : undefined}>
                        <td>{row.line}</td>
                        <th scope="row">{row.name}</th>
                        <td>{row.memberId}</td>
                        <td>{row.role === 'IC' ? 'IC' : row.role.toLowerCase()}</td>
                        <td>
                          {row.managerId ?? '—'}
                          {refusedHere && (
                            <p className="field-error">Refused by the service: {messageOf(command.error!)}</p>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <RefusedLines refused={parsed.refused} what="members" />
        </section>
      )}
    </CommandForm>
  );
}

export function RefusedLines({
  refused,
  what,
}: {
  refused: ReadonlyArray<{ line: number; text: string; reason: string }>;
  what: string;
}) {
  if (refused.length === 0) return null;
  return (
    <div className="refused-lines" data-testid="refused-lines">
      <h3>
        {refused.length} {refused.length === 1 ? 'line' : 'lines'} left out of the {what}
      </h3>
      <ul>
        {refused.map((r) => (
          <li key={r.line}>
            Line {r.line} <code>{r.text}</code>: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Propose initiative: what it is, the problem, and whom it could reach, assessed live against the team. */
export function ProposeInitiativePage({ teamId }: { teamId: string }) {
  return (
    <TeamFormPage
      teamId={teamId}
      action="propose-initiative"
      title="Propose initiative"
      intro="A change in how the team works, run as an experiment: next come its hypothesis and what success looks like."
      refusal="Only a director of this team proposes initiatives."
    >
      {(team) => <ProposeForm team={team} />}
    </TeamFormPage>
  );
}

/** The impact assessment the service will make, in words: reach ÷ headcount against the threshold. */
export function describeAssessment(reach: number | null, headcount: number, threshold: number): string {
  if (headcount === 0) return 'The team has no members yet: add them before proposing.';
  if (reach === null) return `Say how many of the ${headcount} people it could reach to see the assessment.`;
  if (!Number.isInteger(reach) || reach < 1 || reach > headcount) {
    return `The reach is a number of people from 1 to ${headcount}, the team's headcount.`;
  }
  const share = reach / headcount;
  const lead =
    share < threshold
      ? `below the team's threshold of ${formatPercent(threshold)}: delegate to a manager, run it as a manager-led pilot.`
      : `at or above the team's threshold of ${formatPercent(threshold)}: a director-led initiative.`;
  return `Reaches ${reach} of ${headcount} people (${formatPercent(share)} of the team), ${lead}`;
}

function ProposeForm({ team }: { team: RosterTeam }) {
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [reach, setReach] = useState('');
  const [initiativeId, setInitiativeId] = useState('');
  const command = useCommand<ProposeInitiativeInput, InitiativeAnswer>(PROPOSE_INITIATIVE, 'proposeInitiative');
  const { errors, check, form } = useChecks(command, ['title', 'problem', 'potentialReach', 'initiativeId']);
  const reachNumber = parseNumber(reach);

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'Give the initiative a title.';
    if (!problem.trim()) found.problem = 'Describe the problem it addresses.';
    if (reachNumber === null) found.potentialReach = 'Write a number of people.';
    if (initiativeId.trim() && !ID_PATTERN.test(initiativeId.trim())) {
      found.initiativeId = 'Use letters, digits, ".", "_", ":" or "-".';
    }
    if (!check(found)) return;
    const sent = await command.send({
      ...(initiativeId.trim() ? { initiativeId: initiativeId.trim() } : {}),
      teamId: team.id,
      title: title.trim(),
      problem: problem.trim(),
      potentialReach: reachNumber!,
    });
    if (!sent) return;
    const id = sent.answer?.id ?? initiativeId.trim();
    flash('Initiative proposed. State its hypothesis and define what success looks like next.');
    navigate(id ? { page: 'initiative', initiativeId: id } : { page: 'team', teamId: team.id });
  };

  return (
    <CommandForm
      label="Propose initiative"
      submitLabel="Propose initiative"
      onSubmit={submit}
      {...form}
      entity="team"
      cancelHref={href({ page: 'team', teamId: team.id })}
    >
      <TextField id="title" label="Title" required value={title} onChange={setTitle} error={errors.title} />
      <TextField
        id="problem"
        label="Problem it addresses"
        required
        multiline
        rows={4}
        value={problem}
        onChange={setProblem}
        error={errors.problem}
      />
      <TextField
        id="potentialReach"
        label="Potential reach (people)"
        hint={`How many of the team's ${team.headcount} people it could affect if scaled.`}
        required
        inputMode="numeric"
        value={reach}
        onChange={setReach}
        error={errors.potentialReach}
      />
      <p className="assessment" aria-live="polite" data-testid="impact-assessment">
        <strong>Impact assessment: </strong>
        {describeAssessment(reachNumber, team.headcount, team.impactThreshold)}
      </p>
      <TextField
        id="initiativeId"
        label="Initiative id"
        hint="Optional: used in addresses; one is made up when left empty."
        value={initiativeId}
        onChange={setInitiativeId}
        error={errors.initiativeId}
      />
    </CommandForm>
  );
}
