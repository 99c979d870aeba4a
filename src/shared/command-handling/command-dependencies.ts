export const COMMAND_DEPENDENCIES = Symbol('CommandHandlingDependencies');
