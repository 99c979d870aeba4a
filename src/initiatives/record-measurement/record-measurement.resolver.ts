import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '../../shared/auth/principal';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { Initiative } from '../initiative-details/initiative.model';
import { InitiativeMutations } from '../initiative-mutation';
import { RecordMeasurement } from './record-measurement.handler';
import { RecordMeasurementInput } from './record-measurement.input';

@Resolver(() => Initiative)
export class RecordMeasurementResolver {
  constructor(private readonly mutations: InitiativeMutations) {}

  @Mutation(() => Initiative, { description: 'Records one reading of a metric for a period, in the open iteration' })
  recordMeasurement(
    @Args('input') input: RecordMeasurementInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Initiative> {
    return this.mutations.execute(
      'recordMeasurement',
      input.initiativeId,
      new RecordMeasurement(input, principal),
      principal,
    );
  }
}
