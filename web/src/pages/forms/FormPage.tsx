import { ReactNode } from 'react';
import { InitiativeAction, initiativeActions, ACTION_LABEL } from '../../actions';
import { Initiative, INITIATIVE_QUERY, InitiativeResult, Roster, ROSTER_QUERY, RosterResult } from '../../api/queries';
import { useQuery } from '../../api/useQuery';
import { ErrorMessage, Loading } from '../../components/ErrorMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { href } from '../../router';
import { useSession } from '../../session';

/** The frame of every form page: where it sits, its title, what it does. */
export function FormPageHeader({ crumbs, title, intro }: { crumbs: ReactNode; title: ReactNode; intro?: ReactNode }) {
  return (
    <header className="page-header">
      <p className="crumbs">{crumbs}</p>
      <h1>{title}</h1>
      {intro && <p className="muted form-intro">{intro}</p>}
    </header>
  );
}

export function NotPossible({ children, back }: { children: ReactNode; back: { href: string; label: string } }) {
  return (
    <div className="notice" role="status" data-testid="not-possible">
      <p>{children}</p>
      <a href={back.href}>{back.label}</a>
    </div>
  );
}

/** A team with its roster, for a team's forms; `reload` asks again (after a conflict). */
export function useRoster(teamId: string | null) {
  const roster = useQuery<RosterResult>(ROSTER_QUERY, { teamId }, { skip: !teamId });
  return { team: roster.data?.team ?? null, error: roster.error, loading: roster.loading, reload: roster.reload };
}

export interface InitiativeFormContext {
  initiative: Initiative;
  team: Roster;
  reload(): void;
}

/**
 * A form on an initiative: loads it and its team, checks the action is open to the signed-in person
 * on the initiative as it stands, and says why not when it is not.
 */
export function InitiativeFormPage({
  initiativeId,
  action,
  intro,
  children,
}: {
  initiativeId: string;
  action: InitiativeAction;
  intro?: ReactNode;
  children(context: InitiativeFormContext): ReactNode;
}) {
  const { session } = useSession();
  const query = useQuery<InitiativeResult>(INITIATIVE_QUERY, { id: initiativeId, asOf: null });
  const initiative = query.data?.initiative ?? null;
  const roster = useRoster(initiative?.teamId ?? null);
  const team = roster.team;
  const back = { href: href({ page: 'initiative', initiativeId }), label: 'Back to the initiative' };
  const allowed = initiative && team ? initiativeActions(session, initiative, team.members).includes(action) : false;
  const reload = () => {
    query.reload();
    roster.reload();
  };

  return (
    <>
      <FormPageHeader
        crumbs={
          <>
            <a href={href({ page: 'portfolio' })}>Portfolio</a> /{' '}
            {initiative ? (
              <a href={href({ page: 'team', teamId: initiative.teamId })}>{team?.name ?? initiative.teamId}</a>
            ) : (
              'Team'
            )}{' '}
            / <a href={back.href}>{initiative?.title ?? initiativeId}</a>
          </>
        }
        title={
          <>
            {ACTION_LABEL[action]} {initiative && <StatusBadge status={initiative.status} />}
          </>
        }
        intro={intro}
      />
      {query.error != null && <ErrorMessage error={query.error} context="initiative" />}
      {roster.error != null && <ErrorMessage error={roster.error} context="team" />}
      {(query.loading || roster.loading) && !(initiative && team) && <Loading what="the initiative" />}
      {query.data && !initiative && <NotPossible back={back}>There is no initiative “{initiativeId}”.</NotPossible>}
      {initiative && team && !allowed && (
        <NotPossible back={back}>
          {ACTION_LABEL[action]} is not open to you on this initiative as it stands ({initiative.status.toLowerCase()}).
        </NotPossible>
      )}
      {initiative && team && allowed && children({ initiative, team, reload })}
    </>
  );
}

/** What a form on an initiative says of it: what it changes, how to reload it, where Cancel leads. */
export function aboutThe(initiative: { id: string }, reload: () => void) {
  return {
    entity: 'initiative',
    onReload: reload,
    cancelHref: href({ page: 'initiative', initiativeId: initiative.id }),
  };
}
