import { useEffect, useState } from 'react';
import { INITIATIVE_ACTIONS, InitiativeAction } from './actions';

/**
 * Hash routes: #/ (portfolio), #/teams/:id, #/initiatives/:id, #/initiatives/:id/audit, #/decisions/:id,
 * #/signin, and the forms: #/register-team, #/teams/:id/add-members, #/teams/:id/propose-initiative,
 * #/initiatives/:id/<action> (launch-pilot, record-readings, …).
 */
export type Route =
  | { page: 'portfolio' }
  | { page: 'team'; teamId: string }
  | { page: 'register-team' }
  | { page: 'add-members'; teamId: string }
  | { page: 'propose-initiative'; teamId: string }
  | { page: 'initiative'; initiativeId: string }
  | { page: 'initiative-form'; initiativeId: string; action: InitiativeAction }
  | { page: 'audit'; initiativeId: string }
  | { page: 'replay'; decisionId: string }
  | { page: 'signin' }
  | { page: 'not-found'; path: string };

export interface Location {
  route: Route;
  /** The time-travel instant (ISO 8601), when the view is historical. */
  asOf: string | null;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const params = new URLSearchParams(search);
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && !Number.isNaN(Date.parse(asOfParam)) ? new Date(asOfParam).toISOString() : null;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let route: Route;
  if (parts.length === 0) route = { page: 'portfolio' };
  else if (parts[0] === 'signin' && parts.length === 1) route = { page: 'signin' };
  else if (parts[0] === 'register-team' && parts.length === 1) route = { page: 'register-team' };
  else if (parts[0] === 'teams' && parts.length === 2) route = { page: 'team', teamId: parts[1] };
  else if (parts[0] === 'teams' && parts.length === 3 && parts[2] === 'add-members') {
    route = { page: 'add-members', teamId: parts[1] };
  } else if (parts[0] === 'teams' && parts.length === 3 && parts[2] === 'propose-initiative') {
    route = { page: 'propose-initiative', teamId: parts[1] };
  } else if (parts[0] === 'initiatives' && parts.length === 2) route = { page: 'initiative', initiativeId: parts[1] };
  else if (parts[0] === 'initiatives' && parts.length === 3 && parts[2] === 'audit') {
    route = { page: 'audit', initiativeId: parts[1] };
  } else if (parts[0] === 'initiatives' && parts.length === 3 && isInitiativeAction(parts[2])) {
    route = { page: 'initiative-form', initiativeId: parts[1], action: parts[2] };
  } else if (parts[0] === 'decisions' && parts.length === 2) route = { page: 'replay', decisionId: parts[1] };
  else route = { page: 'not-found', path };
  return { route, asOf };
}

function isInitiativeAction(value: string): value is InitiativeAction {
  return (INITIATIVE_ACTIONS as readonly string[]).includes(value);
}

export function href(route: Route, asOf: string | null = null): string {
  const enc = encodeURIComponent;
  let path: string;
  switch (route.page) {
    case 'portfolio':
      path = '/';
      break;
    case 'team':
      path = `/teams/${enc(route.teamId)}`;
      break;
    case 'register-team':
      path = '/register-team';
      break;
    case 'add-members':
      path = `/teams/${enc(route.teamId)}/add-members`;
      break;
    case 'propose-initiative':
      path = `/teams/${enc(route.teamId)}/propose-initiative`;
      break;
    case 'initiative':
      path = `/initiatives/${enc(route.initiativeId)}`;
      break;
    case 'initiative-form':
      path = `/initiatives/${enc(route.initiativeId)}/${route.action}`;
      break;
    case 'audit':
      path = `/initiatives/${enc(route.initiativeId)}/audit`;
      break;
    case 'replay':
      path = `/decisions/${enc(route.decisionId)}`;
      break;
    case 'signin':
      path = '/signin';
      break;
    case 'not-found':
      path = route.path;
      break;
  }
  return `#${path}${asOf ? `?asOf=${enc(asOf)}` : ''}`;
}

export function navigate(route: Route, asOf: string | null = null): void {
  window.location.hash = href(route, asOf);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}
