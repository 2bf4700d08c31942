import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { OAuthApp } from '../entities/apps';
import { newId } from '../lib/ids';
import { AppError, notAllowed } from '../lib/errors';
import type { AuthorizeAppInput } from '../../schema/apps';

/**
 * An app an admin can authorize (Medusa's OAuth plugins): how it appears in the admin, and how it
 * turns the authorization `code` it was sent back with into the data (tokens) it keeps.
 */
export interface AppDefinition {
  applicationName: string;
  displayName: string;
  installUrl?: string;
  uninstallUrl?: string;
  generateToken(code: string, state: string): Promise<Record<string, unknown>>;
}

const handlers = new Map<string, AppDefinition>();

/** Installs an app: its row is created or updated, and its token exchange is kept in memory. */
export async function registerApp(em: EntityManager, app: AppDefinition): Promise<void> {
  handlers.set(app.applicationName, app);
  const existing = await em.findOne(OAuthApp, { applicationName: app.applicationName });
  const row = existing ?? em.create(OAuthApp, { id: newId(OAuthApp.idPrefix), applicationName: app.applicationName, displayName: app.displayName });
  row.displayName = app.displayName;
  row.installUrl = app.installUrl ?? null;
  row.uninstallUrl = app.uninstallUrl ?? null;
  await em.persistAndFlush(row);
}

export function listApps(ctx: Context): Promise<OAuthApp[]> {
  return ctx.em.find(OAuthApp, {}, { orderBy: { displayName: 'asc' } });
}

/** Completes an app's OAuth flow: the app exchanges the code, and what it returns is stored. */
export async function authorizeApp(ctx: Context, input: AuthorizeAppInput): Promise<OAuthApp> {
  const app = await ctx.em.findOne(OAuthApp, { applicationName: input.applicationName });
  if (!app) throw new AppError('not_found', `Oauth application ${input.applicationName} not found`);
  const handler = handlers.get(app.applicationName);
  if (!handler) throw notAllowed(`The app ${app.applicationName} is not installed on this server`);
  app.data = await handler.generateToken(input.code, input.state);
  await ctx.em.flush();
  return app;
}
