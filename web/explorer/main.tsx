import { useEditorContext, useExecutionContext, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, Example, pickSampleIds, SAMPLE_IDS_QUERY, SampleIdsResult } from './examples';
import './explorer.css';

const TOKEN_KEY = 'pilotlog.token';

type Fetcher = GraphiQLProps['fetcher'];

/** What the header editor holds, so that the schema's introspection is sent with the token too. */
let latestHeaders: Record<string, string> = {};
const rememberHeaders = (text: string) => {
  latestHeaders = parseHeaders(text);
};

/** Plain POST /graphql with the header editor's headers; nothing leaves this service. */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...latestHeaders,
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

/** The dashboard tab's token; without one, no header, so a session opened with the identity provider is used. */
function headersWithToken(): string {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const text = JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2);
  rememberHeaders(text);
  return text;
}

function parseHeaders(text: string | undefined): Record<string, string> {
  try {
    const parsed = JSON.parse(text || '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Loads an example into the editors, with ids found on the service, and runs it. */
function useOpenExample(): { open(example: Example): Promise<void>; busy: string | null; ready: boolean } {
  const editors = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  const [busy, setBusy] = useState<string | null>(null);
  // The editors mount after the page; an example opened before them would run an empty query.
  const ready = Boolean(editors.queryEditor && editors.variableEditor);
  const open = async (example: Example) => {
    setBusy(example.title);
    const headers = parseHeaders(editors.headerEditor?.getValue());
    let ids = pickSampleIds(null);
    try {
      const result = (await fetcher({ query: SAMPLE_IDS_QUERY, operationName: 'SampleIds' }, { headers })) as {
        data?: SampleIdsResult;
      };
      ids = pickSampleIds(result.data ?? null);
    } catch {
      // Keep the placeholders: the example still shows the shape of the query.
    }
    editors.queryEditor?.setValue(example.query);
    editors.variableEditor?.setValue(JSON.stringify(example.variables(ids), null, 2));
    setBusy(null);
    execution.run();
  };
  return { open, busy, ready };
}

/** Always in sight under the response: every example one click away. */
function ExamplesBar() {
  const { open, busy, ready } = useOpenExample();
  return (
    <nav className="examples-bar" aria-label="Example queries">
      <span className="examples-bar-title">Examples:</span>
      {EXAMPLES.map((example) => (
        <button
          key={example.title}
          type="button"
          title={example.description}
          onClick={() => void open(example)}
          disabled={busy !== null || !ready}
        >
          {example.title}
        </button>
      ))}
      <a href="/">Dashboard</a>
    </nav>
  );
}

/** The same examples with a word on each, in GraphiQL's side pane. */
function ExamplesPane() {
  const { open, busy, ready } = useOpenExample();
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        One click loads a query with ids from this service and runs it, as whoever is signed in to the dashboard. Or put
        a token in the <strong>Headers</strong> tab below the query:{' '}
        <code>{'{"Authorization": "Bearer <token>"}'}</code> (
        <code>npm run token -- --role DIRECTOR --sub you --teams &apos;*&apos;</code>).
      </p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" onClick={() => void open(example)} disabled={busy !== null || !ready}>
              {example.title}
            </button>
            <span>{example.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
    </svg>
  );
}

const DEFAULT_HEADERS = headersWithToken();

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPane };

function Explorer() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[examplesPlugin]}
      onEditHeaders={rememberHeaders}
      defaultQuery={EXAMPLES[0].query}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultTheme="light"
    >
      <GraphiQL.Logo>pilotlog</GraphiQL.Logo>
      <GraphiQL.Footer>
        <ExamplesBar />
      </GraphiQL.Footer>
    </GraphiQL>
  );
}

// Not in StrictMode: GraphiQL's resizable panes hide the plugin pane when their effects run twice.
createRoot(document.getElementById('explorer')!).render(<Explorer />);
