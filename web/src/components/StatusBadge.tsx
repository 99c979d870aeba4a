import type { InitiativeStatus } from '../api/queries';
import { STATUS_LABEL } from '../format';

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;
}
