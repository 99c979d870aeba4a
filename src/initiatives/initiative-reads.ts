import { authorizeRead } from '../shared/auth/authorization';
import { Principal } from '../shared/auth/principal';
import { NotFound } from '../shared/domain/not-found';
import { Projection } from '../shared/projections/projection';
import { ReadModels } from '../shared/projections/read-models';
import { ReadModelsAt } from '../shared/time-travel/time-travel';
import { initiativeStreamId } from './domain/initiative.events';
import { initiativeDetailsProjection, InitiativeView } from './initiative-details/initiative-details.projection';

/** One initiative's read models at an instant, with its details as they stood then. */
export interface InitiativeReadModels {
  at: ReadModelsAt;
  initiative: InitiativeView;
}

/**
 * What every question about one initiative starts with: the token must cover its team, and the
 * answer is NOT_FOUND for an initiative that does not exist, or had not been proposed yet at asOf.
 * The read models asked for are folded from the initiative's own stream when asOf is given.
 */
export async function readInitiative(
  readModels: ReadModels,
  principal: Principal,
  initiativeId: string,
  asOf: string | undefined,
  projections: readonly Projection<unknown>[],
): Promise<InitiativeReadModels> {
  const today = readModels.views(initiativeDetailsProjection).get(initiativeId);
  if (!today) throw new NotFound('initiative', initiativeId);
  authorizeRead(principal, today.teamId);
  const at = await readModels.at(asOf, {
    projections: [initiativeDetailsProjection, ...projections],
    streams: [initiativeStreamId(initiativeId)],
  });
  const initiative = at.of(initiativeDetailsProjection).get(initiativeId);
  if (!initiative) throw new NotFound('initiative', initiativeId);
  return { at, initiative };
}
