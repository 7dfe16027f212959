/**
 * City ids name the folders in geodata/ and static/data/ and appear in links (`?stadt=`):
 * lower-case letters and digits, single hyphens or underscores between them.
 * `CITY_ID.test('bad-cannstatt')` -> true, `CITY_ID.test('../x')` -> false.
 */
export const CITY_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Longest accepted city id. */
export const CITY_ID_MAX_LENGTH = 60;

/** Whether `id` can name a city. */
export function isCityId(id: string): boolean {
	return id.length <= CITY_ID_MAX_LENGTH && CITY_ID.test(id);
}
