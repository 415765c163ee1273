/** The characters YAML's layout is made of, as char codes (and UTF-8 bytes: all are ASCII). */
export const TAB = 9;
export const NEWLINE = 10;
export const SPACE = 32;
export const HASH = 35;
export const DASH = 45;
export const COLON = 58;

/** YAML's indicators, as char codes. */
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const PLUS = 43;
export const COMMA = 44;
export const GREATER = 62;
export const QUESTION = 63;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const PIPE = 124;
export const CLOSE_BRACE = 125;
