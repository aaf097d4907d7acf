// Shared by the browser (form hints) and the server (hashing); no node:* here.
export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only stops a megabyte-sized "password" from tying up a core. */
export const PASSWORD_MAX_LENGTH = 1024;
