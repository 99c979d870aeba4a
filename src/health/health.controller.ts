import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { ReadModels } from '../shared/projections/read-models';

@Controller()
export class HealthController {
  constructor(private readonly readModels: ReadModels) {}

  /** Liveness: the process answers. */
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** Readiness: the read models have caught up with the event log. */
  @Get('ready')
  ready() {
    const runner = this.readModels.runner;
    if (runner.error) {
      throw new HttpException({ status: 'failed', reason: 'read models stopped following the log' }, 503);
    }
    if (!runner.isCaughtUp) throw new HttpException({ status: 'catching-up' }, HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: 'ready',
      position: runner.position ?? null,
      // The checkpoint of the saved read models this start began from; null when it folded the whole log.
      startedFrom: runner.restoredFrom ?? null,
      readModels: this.readModels.names,
    };
  }
}
