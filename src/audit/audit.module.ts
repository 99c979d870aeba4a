import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { AuditQueries } from './audit.queries';
import { AuditResolver } from './audit.resolver';

@Module({
  imports: [InitiativesModule],
  providers: [AuditQueries, AuditResolver],
})
export class AuditModule {}
