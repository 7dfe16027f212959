import { validateGapSettings, type GapSettings } from './bildungskette';
import type { Catalog } from './types';
import type { ValidationIssue } from './validateSources';

/**
 * The Förderlücken settings of a city: the defaults for its catalog, with the optional
 * `bildungskette` member of its city.json merged over them. `publicOnly` leaves out internal
 * indicators (for public pages).
 * `gapSettingsFor(catalog, { file: 'city.json', publicOnly: false }).settings.detourFactor` -> 1.3
 */
export function gapSettingsFor(
	catalog: Catalog,
	opts: { file: string; publicOnly: boolean }
): { settings?: GapSettings; issues: ValidationIssue[] } {
	return validateGapSettings(
		catalog.city.bildungskette,
		opts.file,
		catalog.indicators,
		catalog.lernortTypes,
		{
			publicOnly: opts.publicOnly
		}
	);
}
