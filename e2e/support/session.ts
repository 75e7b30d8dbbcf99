import type { Page } from 'playwright-core';
import { ADMIN, type RunningCrm } from './crm';

export const byTestId = (id: string) => `[data-testid="${id}"]`;

export async function signIn(page: Page, crm: RunningCrm, who = ADMIN) {
  await page.goto(crm.url);
  await page.fill(byTestId('login-email'), who.email);
  await page.fill(byTestId('login-password'), who.password);
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(byTestId('tab-counterparties'));
}

/** A GraphQL call from inside the page, with its session cookie: quick set-up of data a journey starts from. */
export async function gql<T = Record<string, any>>(page: Page, crm: RunningCrm, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post(`${crm.url}/graphql`, { data: { query, variables }, headers: { 'content-type': 'application/json' } });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}
