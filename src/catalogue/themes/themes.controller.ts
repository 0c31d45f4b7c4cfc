import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { IdParam } from '../../common/id-param';
import { ThemesService } from './themes.service';
import { CreateThemeDto, ThemeQuery, UpdateThemeDto } from './dto/theme.dto';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('themes')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get()
  list(@Query() query: ThemeQuery) {
    return this.themes.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string) {
    return this.themes.get(id);
  }

  @Post()
  @Roles('coordinator')
  create(@CurrentUser() user: Principal, @Body() dto: CreateThemeDto) {
    return this.themes.create(user, dto);
  }

  @Patch(':id')
  @Roles('coordinator')
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateThemeDto) {
    return this.themes.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @IdParam() id: string) {
    await this.themes.remove(user, id);
  }
}
