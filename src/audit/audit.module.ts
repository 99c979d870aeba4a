import { Module } from '@nestjs/common';
import { AuditResolver } from './audit.resolver';

@Module({ providers: [AuditResolver] })
export class AuditModule {}
