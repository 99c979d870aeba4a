import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const ID_RULE = 'must be 1–100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';

/** Fields every command input shares: an idempotency key. */
@InputType({ isAbstract: true })
export abstract class IdempotentInput {
  @Field(() => ID, { nullable: true, description: 'Idempotency key: the same commandId twice appends once' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  commandId?: string;
}

/** Commands on an existing entity may also state the version the client saw. */
@InputType({ isAbstract: true })
export abstract class VersionedInput extends IdempotentInput {
  @Field(() => Int, { nullable: true, description: 'Optimistic concurrency: a stale version is a CONFLICT error' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

export function IsEntityId(): PropertyDecorator {
  return Matches(ID_PATTERN, { message: ({ property }) => `${property} ${ID_RULE}` });
}

/** An entity id in an input: an ID of the schema, checked against ID_PATTERN, optional when nullable. */
export function IdField(options: { nullable?: boolean; description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, options),
    ...(options.nullable ? [IsOptional()] : []),
    IsEntityId(),
  );
}
