import {
  DecisionKind,
  Recommendation as RecommendationFigures,
  RECOMMENDATION_QUERY,
  RecommendationResult,
} from '../api/queries';
import { useQuery } from '../api/useQuery';
import { DECISION_LABEL } from '../format';
import { ErrorMessage } from './ErrorMessage';

/** What the decision rule recommends for a completed iteration, its reasons, and whether the decision followed it. */
export function Recommendation({
  recommendation,
  decided,
}: {
  recommendation: RecommendationFigures;
  decided?: { kind: DecisionKind; followsRule: boolean | null } | null;
}) {
  const [verdict, ...reasons] = recommendation.reasons;
  return (
    <div className="recommendation" data-testid="recommendation">
      <p>
        <strong>
          The rule recommends{' '}
          <span className={`decision decision-${recommendation.kind.toLowerCase()}`}>
            {DECISION_LABEL[recommendation.kind]}
          </span>
        </strong>
        {decided && decided.followsRule === true && <span className="pill ok small-pill">decision followed it</span>}
        {decided && decided.followsRule === false && (
          <span className="pill warn small-pill">overridden: decided {DECISION_LABEL[decided.kind]}</span>
        )}
      </p>
      {verdict && <p className="muted">{verdict}</p>}
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The recommendation for one iteration, fetched: one line next to a decision form. */
export function RecommendationFor({ initiativeId, iteration }: { initiativeId: string; iteration: number }) {
  const { data, error } = useQuery<RecommendationResult>(RECOMMENDATION_QUERY, { id: initiativeId });
  if (error != null) return <ErrorMessage error={error} context="recommendation" />;
  const found = data?.initiative?.iterations.find((it) => it.number === iteration)?.recommendation;
  return found ? <Recommendation recommendation={found} /> : null;
}
