import { Body, Get, Ip, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuthService } from '../../auth/auth.service';
import { Problem } from '../../common/problem';
import { FieldErrors, formErrors } from '../forms';
import { render, seeOther } from '../render';
import { WebSessions } from '../session/web-sessions.service';
import { PublicPage, WebController } from '../web-page.decorator';
import { field, safeNext, WebRequest } from '../web-request';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@WebController()
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessions,
  ) {}

  @PublicPage()
  @Get('login')
  form(@Req() req: WebRequest, @Res() reply: FastifyReply, @Query() query: Record<string, string>) {
    if (req.web.user) return seeOther(reply, safeNext(query.next));
    const notice = query.expired ? 'expired' : query.signedOut ? 'signedOut' : null;
    return render(req, reply, 'sign-in/login', { next: safeNext(query.next), notice, values: {}, errors: formErrors([], req.web) });
  }

  @PublicPage()
  @Post('login')
  async signIn(@Req() req: WebRequest, @Res() reply: FastifyReply, @Body() body: unknown, @Ip() ip: string) {
    const values = { email: field(body, 'email').trim().toLowerCase(), password: field(body, 'password') };
    const next = safeNext(field(body, 'next'));
    const errors: FieldErrors = [];
    if (!EMAIL.test(values.email) || values.email.length > 254) errors.push({ field: 'email', key: 'signIn.errors.email' });
    if (!values.password || values.password.length > 200) errors.push({ field: 'password', key: 'signIn.errors.password' });
    if (!errors.length) {
      try {
        const { accessToken } = await this.auth.login(values, ip);
        this.sessions.signIn(req, reply, accessToken);
        return seeOther(reply, next);
      } catch (error) {
        if (!(error instanceof Problem) || ![401, 429].includes(error.getStatus())) throw error;
        const minutes = Math.max(1, Math.ceil(Number(error.headers['retry-after'] ?? 60) / 60));
        errors.push({ field: 'email', key: error.getStatus() === 429 ? 'signIn.errors.throttled' : 'signIn.errors.wrong', params: { minutes } });
      }
    }
    const status = errors.some((e) => e.key === 'signIn.errors.throttled') ? 429 : 400;
    return render(req, reply, 'sign-in/login', { next, notice: null, values: { email: values.email }, errors: formErrors(errors, req.web) }, status);
  }

  @Post('logout')
  signOut(@Res() reply: FastifyReply) {
    this.sessions.signOut(reply);
    return seeOther(reply, '/login?signedOut=1');
  }
}
