import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { CurrentUser, Public } from './decorators';
import { Principal } from './principal';
import { ChangePasswordDto, LoginDto, LoginResponse } from './dto/login.dto';
import { PersonResponse } from '../people/people/dto/person.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() dto: LoginDto, @Ip() ip: string) {
    return this.auth.login(dto, ip);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: PersonResponse })
  me(@CurrentUser() user: Principal) {
    return this.auth.me(user);
  }

  @ApiBearerAuth()
  @Post('me/password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(user, dto);
  }
}
