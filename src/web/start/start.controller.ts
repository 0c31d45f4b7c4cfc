import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ROLES } from '../../auth/roles';
import { navFor } from '../nav';
import { render } from '../render';
import { WebController } from '../web-page.decorator';
import type { WebRequest } from '../web-request';

@WebController()
export class StartController {
  /** A welcome that says, for each of the person's roles, what Lots does for them and where to start. */
  @Get()
  start(@Req() req: WebRequest, @Res() reply: FastifyReply) {
    const roles = ROLES.filter((role) => req.web.user!.roles.includes(role));
    const links = navFor(req.web.principal, req.url, req.web.t).filter((item) => item.href !== '/');
    return render(req, reply, 'start/start', { roles, links });
  }
}
