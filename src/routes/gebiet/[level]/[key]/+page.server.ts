import { builtCatalogs } from '$lib/data/builtCities.server';
import { profileEntries } from '$lib/domain/profile';
import type { EntryGenerator } from './$types';

// The site is static: one page per area of every built city. Which city a page shows is
// read in the browser (`?stadt=`), so equal keys of two cities share one page.
export const entries: EntryGenerator = () => {
	const seen = new Set<string>();
	return builtCatalogs('static/data')
		.flatMap(profileEntries)
		.filter((e) => {
			const id = `${e.level}/${e.key}`;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
};
