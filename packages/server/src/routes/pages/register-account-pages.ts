/**
 * GET/POST /setup/:token (first administrator) and GET/POST /invitations/:token (accepting an
 * invitation): server-rendered pages, hidden from the OpenAPI description, public by rule (the
 * secret in the link is what authorises them). After success they set the session cookie and send
 * the browser to the app.
 */
import { isDomainError } from '@ketenregie/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { emailSchema } from '../../auth/email.ts';
import { acceptInvitation, previewInvitation } from '../../auth/invitation-service.ts';
import { completeAdministratorSetup, isSetupTokenValid } from '../../auth/setup-service.ts';
import { setSessionCookie } from '../../http/access-control.ts';
import { readFormFields, renderFormPage, renderPage, type FormField } from '../../http/account-pages.ts';
import type { AppContext } from '../../services/app-context.ts';
import type { ApiInstance } from '../api-instance.ts';

const tokenParams = z.object({ token: z.string().max(200) });
const PAGE_ROUTE = { schema: { hide: true, params: tokenParams }, config: { access: { scope: 'public' } } } as const;

const SETUP_FIELDS = ['email', 'displayName', 'organisationName', 'password'] as const;
const INVITATION_FIELDS = ['displayName', 'password'] as const;

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

function problemText(error: unknown): string {
  if (!isDomainError(error)) {
    throw error;
  }
  const details = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return details === '' ? error.message : `${error.message} (${details})`;
}

const GONE_PAGE = renderPage(
  'Link niet (meer) geldig',
  '<p>Deze link is onbekend, al gebruikt of verlopen. / This link is unknown, already used or expired.</p>',
);

function setupForm(values: Record<string, string>, error: string | null): string {
  const fields: FormField[] = [
    {
      name: 'email',
      label: 'E-mailadres / E-mail address',
      type: 'email',
      autocomplete: 'username',
      value: values.email ?? '',
    },
    { name: 'displayName', label: 'Naam / Name', type: 'text', autocomplete: 'name', value: values.displayName ?? '' },
    {
      name: 'organisationName',
      label: 'Organisatie / Organisation',
      type: 'text',
      autocomplete: 'organization',
      value: values.organisationName ?? '',
    },
    {
      name: 'password',
      label: 'Wachtwoord, minstens 12 tekens / Password, at least 12 characters',
      type: 'password',
      autocomplete: 'new-password',
    },
  ];
  return renderFormPage({
    title: 'Beheerder instellen',
    intro: 'Kies het account van de beheerder van deze installatie. / Set up the administrator of this installation.',
    fields,
    submit: 'Beheerder aanmaken / Create administrator',
    error,
  });
}

/** Registers the two pages and the form-body parser they need, in a context of their own. */
export function registerAccountPages(app: ApiInstance, ctx: AppContext): void {
  void app.register((pages: ApiInstance, _options, done) => {
    pages.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, parsed) => {
        parsed(null, new URLSearchParams(String(body)));
      },
    );

    pages.get('/setup/:token', PAGE_ROUTE, async (request, reply) => {
      if (!(await isSetupTokenValid(ctx.db, request.params.token))) {
        return sendHtml(reply, 404, GONE_PAGE);
      }
      return sendHtml(reply, 200, setupForm({}, null));
    });

    pages.post('/setup/:token', PAGE_ROUTE, async (request, reply) => {
      const values = readFormFields(request.body, SETUP_FIELDS);
      const email = emailSchema.safeParse(values.email);
      if (!email.success) {
        return sendHtml(
          reply,
          400,
          setupForm(values, 'Vul een geldig e-mailadres in. / Enter a valid e-mail address.'),
        );
      }
      if ((values.displayName ?? '').trim() === '' || (values.organisationName ?? '').trim() === '') {
        return sendHtml(reply, 400, setupForm(values, 'Vul alle velden in. / Fill in every field.'));
      }
      try {
        const { session } = await completeAdministratorSetup(
          ctx.db,
          request.params.token,
          {
            email: email.data,
            displayName: (values.displayName ?? '').trim(),
            organisationName: (values.organisationName ?? '').trim(),
            password: values.password ?? '',
            ip: request.ip,
          },
          ctx.auth,
        );
        setSessionCookie(request, reply, session);
        return reply.code(303).header('location', '/').send();
      } catch (error) {
        if (isDomainError(error) && error.code === 'not_found') {
          return sendHtml(reply, 404, GONE_PAGE);
        }
        return sendHtml(reply, 400, setupForm(values, problemText(error)));
      }
    });

    pages.get('/invitations/:token', PAGE_ROUTE, async (request, reply) => {
      const page = await invitationPage(request.params.token, null);
      return sendHtml(reply, page === null ? 404 : 200, page ?? GONE_PAGE);
    });

    pages.post('/invitations/:token', PAGE_ROUTE, async (request, reply) => {
      const values = readFormFields(request.body, INVITATION_FIELDS);
      try {
        const { session } = await acceptInvitation(
          ctx.db,
          request.params.token,
          { displayName: values.displayName ?? null, password: values.password ?? '', ip: request.ip },
          ctx.auth,
        );
        setSessionCookie(request, reply, session);
        return reply.code(303).header('location', '/').send();
      } catch (error) {
        const page = await invitationPage(request.params.token, problemText(error));
        return sendHtml(reply, page === null ? 404 : 400, page ?? GONE_PAGE);
      }
    });
    done();
  });

  async function invitationPage(token: string, error: string | null): Promise<string | null> {
    const preview = await previewInvitation(ctx.db, token).catch((error: unknown) => {
      if (isDomainError(error) && error.code === 'not_found') {
        return null;
      }
      throw error;
    });
    if (preview === null) {
      return null;
    }
    const { invitation, accountExists: existing } = preview;
    const what =
      invitation.chainName === null
        ? `namens ${invitation.organisationName}`
        : `als ${invitation.role ?? ''} in de keten ${invitation.chainName}, namens ${invitation.organisationName}`;
    const fields: FormField[] = existing
      ? [
          {
            name: 'password',
            label: 'Uw wachtwoord / Your password',
            type: 'password',
            autocomplete: 'current-password',
          },
        ]
      : [
          { name: 'displayName', label: 'Naam / Name', type: 'text', autocomplete: 'name' },
          {
            name: 'password',
            label: 'Kies een wachtwoord, minstens 12 tekens / Choose a password, at least 12 characters',
            type: 'password',
            autocomplete: 'new-password',
          },
        ];
    return renderFormPage({
      title: 'Uitnodiging',
      intro: `Uitnodiging voor ${invitation.email} ${what}.`,
      fields,
      submit: 'Uitnodiging aannemen / Accept invitation',
      error,
    });
  }
}
