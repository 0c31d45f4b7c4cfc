import request from 'supertest';
import type { TestApp } from '../app';
import { TEST_PASSWORD } from '../factories/organisation.factory';

export type Agent = ReturnType<typeof request.agent>;

/** The form token on a rendered page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** A browser-like client (keeps cookies) that has signed in through the sign-in page. */
export async function signedIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent.post('/login').type('form').send({ _csrf: csrfOf(form.text), email, password }).expect(303);
  return agent;
}

/** The form token of a signed-in agent's session, read from its profile page. */
export async function sessionCsrf(agent: Agent): Promise<string> {
  return csrfOf((await agent.get('/profile').expect(200)).text);
}

/** A signed-in form post with the session's token, expecting `status`. */
export async function postForm(agent: Agent, path: string, body: Record<string, string>, status: number) {
  return agent.post(path).type('form').send({ _csrf: await sessionCsrf(agent), ...body }).expect(status);
}
