/**
 * A persona: a synthetic citizen, foreigner or organisation the mock logs in as.
 * Its attributes are core's `IdentityAttributes`, validated by core's `identitySchema`
 * (one source of truth for what a valid record is), plus the mock's own checks of the
 * personal ID number's structure against birthdate and gender.
 */
import {
  accountTypeSchema,
  assuranceLevelSchema,
  identityAttributesSchema,
  identitySchema,
} from '@dinhdanh/core';
import { z } from 'zod';
import { checkPidStructure } from './pid';

/** A persona as given in options or a config file. */
export const personaInputSchema = z
  .strictObject({
    /** Stable identifier, used in `login_hint` and as the base of `sub`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes'),
    /** Shown in the persona picker. Default: the persona's name. */
    label: z.string().min(1).optional(),
    /** Who this test persona is, in both page languages, shown under its label in the picker. */
    description: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }).optional(),
    level: assuranceLevelSchema,
    accountType: accountTypeSchema,
    /** A locked account: login ends in `access_denied` with this reason. */
    locked: z.boolean().default(false),
    lockedReason: z.string().min(1).optional(),
    /** Authentication methods reported in `amr`. Default by level. */
    amr: z.array(z.string().min(1)).optional(),
    /** PostID's `authType`. */
    authType: z.enum(['SMS_OTP', 'SMART_OTP']).optional(),
    attributes: z.strictObject(identityAttributesSchema.shape),
  })
  .superRefine((p, ctx) => {
    const identity = identitySchema.safeParse({
      subject: p.id,
      issuer: 'https://mock.invalid',
      provider: 'mock',
      accountType: p.accountType,
      level: p.level,
      attributes: p.attributes,
    });
    if (!identity.success) {
      for (const issue of identity.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }
    if (p.accountType === 'organisation' && p.level !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'organisation accounts have level 0',
      });
    }
    if (p.accountType !== 'organisation' && p.level === 0) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: 'people have level 1 or 2' });
    }
    if (p.accountType === 'organisation' && p.attributes.organisation === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', 'organisation'],
        message: 'required for organisation accounts',
      });
    }
    const { pid, birthdate, gender } = p.attributes;
    if (pid !== undefined) {
      const problem = checkPidStructure(pid, birthdate, gender);
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['attributes', 'pid'], message: problem });
      }
    }
  });
/** A persona as given (defaults not applied). */
export type PersonaInput = z.input<typeof personaInputSchema>;
/** A validated persona. */
export type Persona = z.output<typeof personaInputSchema>;
