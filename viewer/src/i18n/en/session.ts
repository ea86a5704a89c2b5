import type { session as zh } from '../zh/session.ts';

/** Signing in once (issue 16 item 7): the header's sign-in box and who is signed in. */
export const session: Record<keyof typeof zh, string> = {
  'session.signIn': 'Sign in',
  'session.signOut': 'Sign out',
  'session.signedInAs': 'Signed in as {name}',
  'session.checking': 'checking who you are…',
  'session.admin': 'administrator',
  'session.readOnly': 'read only',
  'session.keyLabel': 'API key',
  'session.submit': 'Sign in',
  'session.hint': 'Sign in once: every tab of this browser stays signed in for {hours} hours; signing out clears the key in every tab.',
  'session.badKey': 'This key is not valid: check it and enter it again.',
  'session.unreachable': 'The server cannot be reached to check the key: please try again later.',
};
