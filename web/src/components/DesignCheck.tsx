import { DESIGN_CHECK_QUERY, DesignCheck as DesignCheckFigures, DesignCheckResult } from '../api/queries';
import { useQuery } from '../api/useQuery';
import { formatConfidence, formatNumber, formatPFloor } from '../format';
import { ErrorMessage } from './ErrorMessage';

/** What a pilot of this design can show: the smallest possible p-value, the confidence it reaches, warnings. */
export function DesignCheck({ check, unit }: { check: DesignCheckFigures; unit?: string }) {
  const reach =
    check.canReachConfidence === null
      ? 'Unknown until the cohort sizes are known'
      : check.canReachConfidence
        ? `Yes, ${formatConfidence(check.confidence)} confidence is reachable`
        : `No: ${formatConfidence(check.confidence)} confidence cannot be reached`;
  return (
    <div className="design-check" data-testid="design-check">
      <dl className="facts">
        <dt>Cohorts</dt>
        <dd>
          {check.pilotSize ?? '?'} in the pilot, {check.controlSize ?? '?'} in the control group
        </dd>
        <dt>Smallest possible p-value</dt>
        <dd>{check.smallestPossiblePValue === null ? '—' : formatPFloor(check.smallestPossiblePValue)}</dd>
        <dt>Can it show the confidence asked for?</dt>
        <dd className={check.canReachConfidence === false ? 'warn-text' : undefined}>{reach}</dd>
        <dt>Smallest effect it detects</dt>
        <dd>
          {check.minimumDetectableEffect === null
            ? '— (needs a known spread)'
            : `${formatNumber(check.minimumDetectableEffect)}${unit ? ` ${unit}` : ''}, 8 times in 10`}
        </dd>
      </dl>
      {check.warnings.length > 0 && (
        <ul className="warnings" aria-label="Design warnings">
          {check.warnings.map((w) => (
            <li key={w} className="notice warn">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The design check of planned cohort sizes, fetched for an initiative: one line in a launch form. */
export function DesignCheckFor({
  initiativeId,
  pilotSize,
  controlSize,
  unit,
}: {
  initiativeId: string;
  pilotSize: number | null;
  controlSize: number | null;
  unit?: string;
}) {
  const { data, error } = useQuery<DesignCheckResult>(DESIGN_CHECK_QUERY, { id: initiativeId, pilotSize, controlSize });
  if (error != null) return <ErrorMessage error={error} context="design check" />;
  const check = data?.initiative?.designCheck;
  return check ? <DesignCheck check={check} unit={unit} /> : null;
}
