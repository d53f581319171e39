/**
 * The most records (rows, features) one import file may hold: three times a county's 99 k
 * population units. A 1-million-row CSV once took the server to 4.8 GB and a bare 500 after 25 s;
 * past this a file is refused (a CSV as soon as its reading passes the limit), in a module of its
 * own so that the contract, which the client bundles, can name it without the readers.
 */
export const MAX_IMPORT_RECORDS = 300_000;
