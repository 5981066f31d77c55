/** Response and request schemas of the account, access and audit routes, shared by several routes. */
import { API_TOKEN_PURPOSES, CHAIN_PERMISSIONS, CHAIN_ROLES } from '@ketenregie/core';
import { z } from 'zod';
import { emailSchema } from '../auth/email.ts';
import { PASSWORD_LENGTH } from '../auth/passwords.ts';

/** A password in input; the length rule is checked by the service so it can name the field itself. */
export const passwordInputSchema = z
  .string()
  .max(PASSWORD_LENGTH.max * 4)
  .describe(`Password: ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters`);

/** Sign-in request. */
export const signInInputSchema = z.object({
  email: z.string().max(254).describe('E-mail address'),
  password: passwordInputSchema,
});

/** An organisation. */
export const organisationSchema = z.object({ id: z.string(), name: z.string() }).describe('Organisation');

/** A user as administrators and the user themselves see it. */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean().describe('Installation administrator'),
    isDemo: z.boolean().describe('The local demo user of the automatic demo sign-in'),
  })
  .describe('User');

/** A user with account state and organisations (administrators' list). */
export const userAccountSchema = userSchema.extend({
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  organisations: z.array(organisationSchema),
});

/** The caller's session: who they are, their organisations and their roles per chain. */
export const sessionSchema = z
  .object({
    user: userSchema,
    organisations: z.array(organisationSchema),
    chains: z.array(
      z.object({
        chainId: z.string(),
        slug: z.string(),
        name: z.string(),
        roles: z.array(z.enum(CHAIN_ROLES)),
        permissions: z.array(z.enum(CHAIN_PERMISSIONS)),
        partnerIds: z.array(z.string()).describe('Partner rows of the chain the user speaks for'),
      }),
    ),
    expiresAt: z.string().nullable().describe('Absolute end of the session'),
  })
  .describe('Session');

/** One role of one user on a chain. */
export const chainMemberSchema = z
  .object({
    id: z.string().describe('Id of the role assignment'),
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    role: z.enum(CHAIN_ROLES),
    partnerId: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('ChainMember');

/** A role to grant on a chain. */
export const roleGrantInputSchema = z.object({
  userId: z.string(),
  role: z.enum(CHAIN_ROLES),
  organisationId: z
    .string()
    .nullable()
    .default(null)
    .describe('Organisation the user acts for; for a partner role it may be left out'),
  partnerId: z.string().nullable().default(null).describe('For the partner role: the partner of the chain'),
});

/** An invitation (never with its link, which is shown only once). */
export const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    chainId: z.string().nullable(),
    chainName: z.string().nullable(),
    role: z.enum(CHAIN_ROLES).nullable(),
    partnerId: z.string().nullable(),
    makeAdmin: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .describe('Invitation');

/** A just-created invitation with its one-time link. */
export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  url: z.string().describe('The single-use link; shown now and never again'),
});

/** A chain invitation request. */
export const chainInvitationInputSchema = z.object({
  email: emailSchema,
  role: z.enum(CHAIN_ROLES),
  organisationId: z.string().nullable().default(null).describe('Required unless the role is partner'),
  partnerId: z.string().nullable().default(null).describe('Required for the partner role'),
});

/** What an invitee sees before accepting. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  organisationName: z.string(),
  chainName: z.string().nullable(),
  role: z.enum(CHAIN_ROLES).nullable(),
  accountExists: z.boolean().describe('True when the invitee signs in with an existing account'),
  expiresAt: z.string(),
});

/** Accepting an invitation. */
export const acceptInvitationInputSchema = z.object({
  displayName: z.string().trim().min(1).max(200).nullable().default(null).describe('Required for a new account'),
  password: passwordInputSchema,
});

/** An API token (never with its secret after creation). */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    prefix: z.string().describe('First characters of the token, to tell tokens apart'),
    name: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    chainId: z.string(),
    purpose: z.enum(API_TOKEN_PURPOSES),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .describe('ApiToken');

/** A just-created token with its secret. */
export const createdApiTokenSchema = z.object({
  apiToken: apiTokenSchema,
  token: z.string().describe('The token; shown now and never again. Send it as "Authorization: Bearer <token>"'),
});

/** One audit log entry. */
export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorType: z.enum(['user', 'token', 'system', 'anonymous']),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    actorOrganisationId: z.string().nullable(),
    actorOrganisationName: z.string().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    chainId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .describe('AuditEntry');
