import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../../auth/auth.service';
import { Principal } from '../../auth/principal';
import { Problem } from '../../common/problem';
import { NotificationPreferencesService } from '../../notices/preferences/notification-preferences.service';
import { OrgUnitsService } from '../../people/org-units/org-units.service';
import { fieldList } from '../catalogue/lecture-form';
import { FieldErrors, formErrors } from '../forms';
import { isLang } from '../i18n/i18n';
import { render, seeOther } from '../render';
import { WebController } from '../web-page.decorator';
import { field, WebRequest } from '../web-request';

const SAVED = ['language', 'password', 'notices'];

/** The optional notices a person may turn off: the weekly digest only goes to introducers, so only they are asked. */
function optionalNotices(principal: Principal): Array<'reminders' | 'evaluationRequests' | 'digest'> {
  return principal.roles.includes('introducer') ? ['reminders', 'evaluationRequests', 'digest'] : ['reminders', 'evaluationRequests'];
}

/**
 * The person's own details, language and optional e-mails (NotificationPreferencesService, as
 * GET/PATCH /api/me/notification-preferences: a new language also applies to their queued notices),
 * and changing the password (AuthService).
 */
@WebController('profile')
export class ProfileController {
  constructor(
    private readonly preferences: NotificationPreferencesService,
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
    await this.preferences.update(req.web.principal!, { language });
    return seeOther(reply, '/profile?saved=language');
  }

  /** Checked boxes are the notices wanted; the others offered are turned off. */
  @Post('notices')
  async notices(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const offered = optionalNotices(req.web.principal!);
    const wanted = fieldList(body, 'notices');
    if (wanted.some((kind) => !(offered as string[]).includes(kind))) return this.page(req, reply, [{ field: 'notices', key: 'profile.errors.notices' }], null, 400);
    await this.preferences.update(req.web.principal!, Object.fromEntries(offered.map((kind) => [kind, wanted.includes(kind)])));
    return seeOther(reply, '/profile?saved=notices');
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
    const [names, preferences] = await Promise.all([this.units.names([user.orgUnitId]), this.preferences.get(req.web.principal!)]);
    const notices = optionalNotices(req.web.principal!).map((kind) => ({ kind, wanted: preferences[kind] }));
    return render(req, reply, 'profile/profile', { unitName: names.get(user.orgUnitId) ?? '', notices, saved, errors: formErrors(errors, req.web) }, status);
  }
}
