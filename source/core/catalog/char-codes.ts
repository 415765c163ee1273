/** The characters YAML's layout is made of, as char codes (and UTF-8 bytes: all are ASCII). */
export const TAB = 9;
export const NEWLINE = 10;
export const SPACE = 32;
export const HASH = 35;
export const DASH = 45;
export const COLON = 58;
