import { DecisionRule as Rule, RuleMetric } from '../api/queries';
import { formatConfidence, formatDate, formatNumber } from '../format';

/** The rule written before launch: per metric, the effect worth scaling for or the harm allowed, and how sure. */
export function DecisionRule({ rule, metrics }: { rule: Rule; metrics: RuleMetric[] }) {
  return (
    <div className="decision-rule" data-testid="decision-rule">
      <p className="muted small">
        Version {rule.version}
        {rule.since ? `, in force since ${formatDate(rule.since)}` : ', frozen at launch'}
        {rule.decisionId ? ', restated by a pivot' : ''}
      </p>
      <ul className="rule-terms">
        {rule.metrics.map((term) => {
          const metric = metrics.find((m) => m.id === term.metricId);
          const unit = metric?.unit ? ` ${metric.unit}` : '';
          const sure = formatConfidence(term.confidence ?? 0.95);
          const text =
            term.kind === 'PRIMARY'
              ? `Scale when the pilot beats the control by at least ${formatNumber(term.minimumEffect ?? 0)}${unit}, at ${sure} confidence`
              : term.maximumHarm === null && term.confidence === null
                ? 'Not part of the rule'
                : `Stop if the pilot is worse than the control by more than ${formatNumber(term.maximumHarm ?? 0)}${unit}, at ${sure} confidence`;
          return (
            <li key={term.metricId}>
              <strong>{metric?.name ?? term.metricId}</strong>
              {term.kind === 'GUARDRAIL' ? ' (guardrail)' : ''}: {text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
