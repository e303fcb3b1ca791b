/** The id of the program the first run publishes: the coffee card. */
export const DEFAULT_PROGRAM_ID = 'prg_coffee';
