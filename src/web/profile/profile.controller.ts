import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../../auth/auth.service';
import { Problem } from '../../common/problem';
import { OrgUnitsService } from '../../people/org-units/org-units.service';
import { PeopleService } from '../../people/people/people.service';
import { FieldErrors, formErrors } from '../forms';
import { isLang } from '../i18n/i18n';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';

const SAVED = ['language', 'password'];

@WebController('profile')
export class ProfileController {
  constructor(
    private readonly people: PeopleService,
    private readonly units: OrgUnitsService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  show(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query('saved') saved?: string) {
    return this.page(req, reply, [], SAVED.includes(saved ?? '') ? saved! : null);
  }

  @Post('language')
  async language(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const language = field(body, 'language');
    if (!isLang(language)) return this.page(req, reply, [{ field: 'language', key: 'profile.errors.language' }], null, 400);
    await this.people.setLanguage(req.web.principal!, language);
    return seeOther(reply, '/profile?saved=language');
  }

  @Post('password')
  async password(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const [currentPassword, newPassword, confirmPassword] = ['currentPassword', 'newPassword', 'confirmPassword'].map((f) => field(body, f));
    const errors: FieldErrors = [];
    if (!currentPassword) errors.push({ field: 'currentPassword', key: 'profile.errors.currentMissing' });
    if (newPassword.length < 12 || newPassword.length > 200) errors.push({ field: 'newPassword', key: 'profile.errors.newLength' });
    else if (newPassword !== confirmPassword) errors.push({ field: 'confirmPassword', key: 'profile.errors.confirm' });
    if (!errors.length) {
      try {
        await this.auth.changePassword(req.web.principal!, { currentPassword, newPassword });
        return seeOther(reply, '/profile?saved=password');
      } catch (error) {
        if (!(error instanceof Problem) || error.errors?.[0]?.field !== 'currentPassword') throw error;
        errors.push({ field: 'currentPassword', key: 'profile.errors.currentWrong' });
      }
    }
    return this.page(req, reply, errors, null, 400);
  }

  private async page(req: WebRequest, reply: FastifyReply, errors: FieldErrors, saved: string | null, status = 200) {
    const user = req.web.user!;
    const unitName = (await this.units.names([user.orgUnitId])).get(user.orgUnitId) ?? '';
    return render(req, reply, 'profile/profile', { unitName, saved, errors: formErrors(errors, req.web) }, status);
  }
}
