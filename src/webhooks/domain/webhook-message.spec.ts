import { DecisionRecorded } from '../../initiatives/domain/initiative.events';
import { AlertRaised } from './alert.events';
import { toSlackMessage, toWebhookMessage, webhookEventOf } from './webhook-message';

const context = {
  teamId: 'smb',
  initiativeTitle: 'Follow-ups <fast> & friendly',
  dashboardUrl: 'https://pilotlog.example.com',
  occurredAt: '2026-03-02T09:00:00.000Z',
};
const decision: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    initiativeId: 'followups',
    decisionId: 'd-1',
    kind: 'SCALE',
    rationale: 'Replies doubled',
    decidedBy: 'dana',
    decidedAt: '2026-03-02T09:00:00.000Z',
    iteration: 2,
    evidence: [
      {
        metricId: 'replies',
        name: 'Replies',
        baseline: 10,
        target: 20,
        latest: 21,
        progress: 1.1,
        comparison: {
          metricId: 'replies',
          iteration: 2,
          pilot: { n: 4, mean: 21, sd: 1 },
          control: { n: 4, mean: 11, sd: 1 },
          difference: 10,
          ciLow: 8.2,
          ciHigh: 11.8,
          pValue: 0.0001,
        },
      },
      { metricId: 'churn', name: 'Churn', baseline: 5, target: 4, latest: null, progress: null, comparison: null },
    ],
    evidenceVersion: 1,
    rule: null,
    recommendation: null,
    followsRule: null,
  },
};

describe('the message of a STANDARD webhook', () => {
  it('tells a decision with who decided, why, the evidence summary and the page to open', () => {
    expect(toWebhookMessage(decision, context)).toEqual({
      type: 'DECISION_RECORDED',
      timestamp: '2026-03-02T09:00:00.000Z',
      data: {
        teamId: 'smb',
        initiativeId: 'followups',
        initiativeTitle: 'Follow-ups <fast> & friendly',
        url: 'https://pilotlog.example.com/#/decisions/d-1',
        followsRule: null,
        recommendedKind: null,
        decisionId: 'd-1',
        kind: 'SCALE',
        rationale: 'Replies doubled',
        decidedBy: 'dana',
        decidedAt: '2026-03-02T09:00:00.000Z',
        iteration: 2,
        evidence: [
          {
            metricId: 'replies',
            name: 'Replies',
            baseline: 10,
            target: 20,
            latest: 21,
            progress: 1.1,
            difference: 10,
            ciLow: 8.2,
            ciHigh: 11.8,
            pValue: 0.0001,
          },
          {
            metricId: 'churn',
            name: 'Churn',
            baseline: 5,
            target: 4,
            latest: null,
            progress: null,
            difference: null,
            ciLow: null,
            ciHigh: null,
            pValue: null,
          },
        ],
      },
    });
  });

  it('says whether a decision followed its decision rule, and what the rule recommended', () => {
    const overridden = {
      ...decision,
      data: { ...decision.data, followsRule: false, recommendation: { kind: 'PERSEVERE' as const, reasons: [] } },
    };
    expect(toWebhookMessage(overridden, context).data).toMatchObject({
      followsRule: false,
      recommendedKind: 'PERSEVERE',
    });
    expect(JSON.stringify(toSlackMessage(toWebhookMessage(overridden, context)).blocks)).toContain(
      'Overrides the decision rule, which recommended PERSEVERE',
    );
    expect(toWebhookMessage(decision, context).data).toMatchObject({ followsRule: null, recommendedKind: null });
    expect(JSON.stringify(toSlackMessage(toWebhookMessage(decision, context)).blocks)).not.toContain('decision rule');
  });

  it('names alerts by their kind, and no other event', () => {
    const alert: AlertRaised = {
      type: 'AlertRaised',
      data: {
        alertId: 'followups:ANALYSIS_PARALYSIS#1',
        key: 'ANALYSIS_PARALYSIS',
        alert: 'ANALYSIS_PARALYSIS',
        initiativeId: 'followups',
        teamId: 'smb',
        iteration: null,
        overdueKind: null,
        since: '2026-01-01T00:00:00.000Z',
        occurrence: 1,
        raisedAt: '2026-01-23T00:00:00.000Z',
      },
    };
    expect(webhookEventOf(alert)).toBe('ANALYSIS_PARALYSIS');
    expect(webhookEventOf({ type: 'MeasurementRecorded', data: {} })).toBeNull();
    expect(toSlackMessage(toWebhookMessage(alert, context)).text).toBe(
      ':hourglass: <https://pilotlog.example.com/#/initiatives/followups|Follow-ups &lt;fast&gt; &amp; friendly> was proposed on 2026-01-01 and has waited 22 days for launch.',
    );
  });
});

describe('the Slack message', () => {
  it('says what happened in mrkdwn, escaped, with a button to the dashboard page', () => {
    const slack = toSlackMessage(toWebhookMessage(decision, context));
    const link = '<https://pilotlog.example.com/#/decisions/d-1|Follow-ups &lt;fast&gt; &amp; friendly>';
    expect(slack.text).toBe(`*SCALE* decided on ${link} by dana: Replies doubled`);
    expect(slack.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            `*SCALE* decided on ${link} by dana: Replies doubled`,
            '• Replies: latest 21, target 20, progress 1.1; pilot − control 10 (95% CI 8.2 to 11.8, p = 0.0001)',
            '• Churn: latest n/a, target 4, progress n/a',
          ].join('\n'),
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'pilotlog · team smb' }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Open in pilotlog' },
            url: 'https://pilotlog.example.com/#/decisions/d-1',
          },
        ],
      },
    ]);
  });
});
