import { Get } from '@nestjs/common';
import { AdminApi } from '../../common/decorators/admin-api.decorator';
import { LadderAudit } from './ladder-audit.service';

/** `GET /admin/audit`: whether the ladder is whole, and where it is not. */
@AdminApi()
export class AuditController {
  constructor(private readonly audit: LadderAudit) {}

  @Get('audit')
  run() {
    return this.audit.run();
  }
}
