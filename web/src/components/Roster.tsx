import { useState } from 'react';
import { REMOVE_TEAM_MEMBER, RemoveTeamMemberInput, TeamAnswer } from '../api/mutations';
import { Roster as RosterTeam } from '../api/queries';
import { useCommand } from '../api/useCommand';
import { formatDate } from '../format';
import { FormProblem } from '../forms/CommandForm';

const ROLE_LABEL = { DIRECTOR: 'Director', MANAGER: 'Line manager', IC: 'IC' } as const;

/** Who is in the team: name, id, role, line manager, since when; a director may remove a member, after confirming. */
export function Roster({ team, canRemove, onReload }: { team: RosterTeam; canRemove: boolean; onReload(): void }) {
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const command = useCommand<RemoveTeamMemberInput, TeamAnswer>(REMOVE_TEAM_MEMBER, 'removeTeamMember');

  const remove = async (memberId: string) => {
    const sent = await command.send({ teamId: team.id, memberId, expectedVersion: team.version });
    if (!sent) return;
    setConfirming(null);
    setRemoved(names.get(memberId) ?? memberId);
  };

  if (team.members.length === 0) return <p className="muted">No members yet.</p>;
  return (
    <>
      <div role="status">{removed && <p className="notice notice-ok">{removed} was removed from the team.</p>}</div>
      {command.error && <FormProblem error={command.error} entity="team" onReload={onReload} />}
      <div className="table-wrap">
        <table className="stack" data-testid="roster">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Role</th>
              <th scope="col">Line manager</th>
              <th scope="col">Since</th>
              {canRemove && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td data-label="Id">
                  <code>{m.id}</code>
                </td>
                <td data-label="Role">{ROLE_LABEL[m.role]}</td>
                <td data-label="Line manager">{m.managerId ? (names.get(m.managerId) ?? m.managerId) : '—'}</td>
                <td data-label="Since">{formatDate(m.addedAt)}</td>
                {canRemove && (
                  <td className="row-actions">
                    {confirming === m.id ? (
                      <>
                        <button
                          type="button"
                          className="danger"
                          disabled={command.sending}
                          onClick={() => void remove(m.id)}
                        >
                          Confirm: remove {m.name}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep {m.name}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        onClick={() => {
                          command.clearError();
                          setConfirming(m.id);
                        }}
                      >
                        Remove {m.name}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
