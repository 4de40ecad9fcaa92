/**
 * The signed-in admin key lives in sessionStorage only: it survives a reload of this tab and is
 * gone when the tab closes or the user signs out. It is never put in a URL or localStorage.
 */
const KEY = 'perkwire.adminKey';
const PROGRAM = 'perkwire.programId';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  program: (): string | null => sessionStorage.getItem(PROGRAM),
  signIn(key: string): void {
    sessionStorage.setItem(KEY, key);
  },
  pickProgram(id: string): void {
    sessionStorage.setItem(PROGRAM, id);
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(PROGRAM);
  },
};
