import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { Db } from '../../database/db.service';
import { ErasureService } from './erasure.service';
import { ExportService } from './export.service';

@ApiTags('follow-up')
@ApiBearerAuth()
@Controller('people/:id')
export class PrivacyController {
  constructor(
    private readonly db: Db,
    private readonly exports: ExportService,
    private readonly erasure: ErasureService,
  ) {}

  /** GDPR access: everything stored about the person, as JSON. */
  @Get('export')
  @Roles('admin')
  export(@IdParam() id: string) {
    return this.exports.export(id);
  }

  /** GDPR erasure: pseudonymises the person and deletes their personal data; anonymous figures stay. */
  @Post('erase')
  @Roles('admin')
  @HttpCode(200)
  erase(@CurrentUser() user: Principal, @IdParam() id: string) {
    return this.db.write((em) => this.erasure.erase(em, user, id));
  }
}
