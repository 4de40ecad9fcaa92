/**
 * `npm run members -- update <identifier> --first-name … --email …`: sets or corrects a member's
 * names, email and phone (Toast's SIGNUP carries no name, so Toast's name search finds a member
 * only once a name is set here or through the admin API's PATCH). The same service as the PATCH
 * route (server/loyalty/members/admin/contact.ts): phone and email stay unique in the program.
 * Prints the member and the names of the fields changed, never their values.
 */
import { updateContact, type ContactChange } from '../../server/loyalty/members/admin/contact.js';
import { withStore } from '../../server/store/with-store.js';
import type { ToolCommand, ToolOptions } from '../cli/tool.js';
import { findMember, PROGRAM_OPTION, reportNotFound } from './find-member.js';

const FIELDS = [
  { option: 'firstName', flag: 'first-name', field: 'firstName', max: 100 },
  { option: 'lastName', flag: 'last-name', field: 'lastName', max: 100 },
  { option: 'email', flag: 'email', field: 'email', max: 254 },
  { option: 'phone', flag: 'phone', field: 'phone', max: 32 },
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The change the options ask for (`--no-email` clears), or the problem with them. */
export function contactChange(o: ToolOptions): ContactChange | string {
  const change: ContactChange = {};
  for (const f of FIELDS) {
    const v = o[f.option];
    if (v === undefined) continue;
    if (v === false) { change[f.field] = null; continue; }
    const text = String(v).trim();
    if (text === '' || text.length > f.max) return `--${f.flag} must be 1 to ${f.max} characters (use --no-${f.flag} to clear it)`;
    if (f.field === 'email' && !EMAIL.test(text)) return '--email must be an email address';
    change[f.field] = text;
  }
  return Object.keys(change).length ? change : 'nothing to change: give at least one of --first-name, --last-name, --email, --phone (or --no-… to clear one)';
}

export const updateCommand: ToolCommand = {
  name: 'update',
  operands: '<identifier>',
  summary: "set or correct a member's first/last name, email or phone (phone and email stay unique)",
  details: 'identifier: the loyalty identifier, a card or the phone. --no-<field> clears a field.\n'
    + 'Exit codes: 0 updated, 1 no such member, or the phone/email belongs to another member,\n'
    + 'or the member was erased or changed meanwhile (run again); 2 bad usage or no database.',
  options: [
    PROGRAM_OPTION,
    { flags: '--first-name <name>', description: 'first name' },
    { flags: '--no-first-name', description: 'clear the first name' },
    { flags: '--last-name <name>', description: 'last name' },
    { flags: '--no-last-name', description: 'clear the last name' },
    { flags: '--email <email>', description: 'email (stored lower-case)' },
    { flags: '--no-email', description: 'clear the email' },
    { flags: '--phone <phone>', description: '10-digit phone (punctuation and a leading 1 ignored)' },
    { flags: '--no-phone', description: 'clear the phone' },
  ],
  examples: [
    'npm run members -- update 3f6c0c4e-… --first-name Ada --last-name Lovelace',
    'npm run members -- update 617-555-0142 --email ada@example.com --program demo',
    'npm run members -- update 3f6c0c4e-… --no-email',
  ],
  async run([identifier], o) {
    const change = contactChange(o);
    if (typeof change === 'string') {
      console.error(change);
      return 2;
    }
    return withStore(async (models) => {
      const programId = o.program as string | undefined;
      const found = await findMember(models, identifier!, programId);
      if (found.status !== 'FOUND') return reportNotFound(found, programId);
      const outcome = await updateContact(models, found.member, change, new Date());
      switch (outcome.status) {
        case 'INVALID_PHONE': console.error('--phone must be a 10-digit phone number'); return 2;
        case 'TAKEN': console.error(`another member of program ${found.programId} has this ${outcome.field}; nothing changed`); return 1;
        case 'ERASED': console.error('the member was erased; its guest data cannot be set again'); return 1;
        case 'CONCURRENT_CHANGE': console.error('the member changed while updating; nothing changed, run the command again'); return 1;
        case 'UPDATED':
          console.log(`updated member ${outcome.member.loyaltyIdentifier} of program ${found.programId}: ${Object.keys(change).join(', ')}`);
          return 0;
      }
    });
  },
};
