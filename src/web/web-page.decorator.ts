import { applyDecorators, Controller, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { WebGuard } from './session/web.guard';

export const PUBLIC_PAGE = 'lots:public-page';

/**
 * A controller of pages: outside the bearer-token API (the global guard lets it through), signed in
 * by the session cookie instead, CSRF-checked on every POST. Use `@Roles(...)` as in the API.
 */
export const WebController = (path = '') => applyDecorators(Controller(path), Public(), UseGuards(WebGuard), ApiExcludeController());

/** A page that people who are not signed in may open (sign-in). */
export const PublicPage = () => SetMetadata(PUBLIC_PAGE, true);
