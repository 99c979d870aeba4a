import { useEffect, useState } from 'react';

/** Hash routes: #/ (portfolio), #/teams/:id, #/initiatives/:id, #/initiatives/:id/audit, #/decisions/:id, #/signin. */
export type Route =
  | { page: 'portfolio' }
  | { page: 'team'; teamId: string }
  | { page: 'initiative'; initiativeId: string }
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
  else if (parts[0] === 'teams' && parts.length === 2) route = { page: 'team', teamId: parts[1] };
  else if (parts[0] === 'initiatives' && parts.length === 2) route = { page: 'initiative', initiativeId: parts[1] };
  else if (parts[0] === 'initiatives' && parts.length === 3 && parts[2] === 'audit') {
    route = { page: 'audit', initiativeId: parts[1] };
  } else if (parts[0] === 'decisions' && parts.length === 2) route = { page: 'replay', decisionId: parts[1] };
  else route = { page: 'not-found', path };
  return { route, asOf };
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
    case 'initiative':
      path = `/initiatives/${enc(route.initiativeId)}`;
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
