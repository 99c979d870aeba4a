import { useEditorContext, useExecutionContext, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, Example, pickSampleIds, SAMPLE_IDS_QUERY, SampleIdsResult } from './examples';
import './explorer.css';

const TOKEN_KEY = 'pilotlog.token';

type Fetcher = GraphiQLProps['fetcher'];

/** Plain POST /graphql with whatever headers the header editor holds; nothing leaves this service. */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

function headersWithToken(): string {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return JSON.stringify({ Authorization: `Bearer ${token ?? 'paste-a-token-here'}` }, null, 2);
}

function parseHeaders(text: string | undefined): Record<string, string> {
  try {
    const parsed = JSON.parse(text || '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function ExamplesPane() {
  const editors = useEditorContext({ nonNull: true });
  const execution = useExecutionContext({ nonNull: true });
  const [busy, setBusy] = useState<string | null>(null);

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

  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        One click loads a query with ids from this service and runs it. Put your token in the <strong>Headers</strong>{' '}
        tab below the query (<code>npm run token -- --role DIRECTOR --sub you --teams &apos;*&apos;</code>).
      </p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" onClick={() => void open(example)} disabled={busy !== null}>
              {example.title}
            </button>
            <span>{example.description}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/">Back to the dashboard</a>
      </p>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
    </svg>
  );
}

const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPane };

function Explorer() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[examplesPlugin]}
      visiblePlugin={examplesPlugin}
      defaultQuery={EXAMPLES[0].query}
      defaultHeaders={headersWithToken()}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultTheme="light"
    >
      <GraphiQL.Logo>pilotlog</GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
