import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { CatalogueImportService, ImportType } from './catalogue-import.service';

export class ImportQuery {
  @ApiProperty({ enum: ['lectures', 'sessions'] })
  @IsIn(['lectures', 'sessions'])
  type: ImportType;
}

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue')
export class CatalogueImportController {
  constructor(private readonly importer: CatalogueImportService) {}

  /** Body: the CSV text (`Content-Type: text/csv`), columns as in the export. All rows or none are stored. */
  @Post('import')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  import(@CurrentUser() user: Principal, @Query() query: ImportQuery, @Body() body: unknown) {
    if (typeof body !== 'string') throw new Problem(415, 'import.notCsv');
    return this.importer.import(user, query.type, body);
  }
}
