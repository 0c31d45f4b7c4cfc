import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/decorators';
import { Principal } from '../../auth/principal';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationPreferencesResponse, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  get(@CurrentUser() user: Principal) {
    return this.preferences.get(user);
  }

  @Patch()
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  update(@CurrentUser() user: Principal, @Body() dto: UpdateNotificationPreferencesDto) {
    return this.preferences.update(user, dto);
  }
}
