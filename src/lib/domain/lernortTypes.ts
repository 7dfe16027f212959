import type { LernortCategory, LernortTypeDef } from './types';

/**
 * The Lernort types known to the app, with the category and the Bildungsphasen each
 * serves. A city may use a subset; an unknown type in a Lernorte file is an input error.
 */
export const LERNORT_TYPES: readonly LernortTypeDef[] = [
	{ id: 'kita', label: 'Kita', labelPlural: 'Kitas', category: 'formal', phases: ['fruehe', 'elementar'] },
	{
		id: 'kindertagespflege',
		label: 'Kindertagespflege',
		labelPlural: 'Kindertagespflegestellen',
		category: 'formal',
		phases: ['fruehe']
	},
	{
		id: 'grundschule',
		label: 'Grundschule',
		labelPlural: 'Grundschulen',
		category: 'formal',
		phases: ['primar']
	},
	{
		id: 'gemeinschaftsschule',
		label: 'Gemeinschaftsschule',
		labelPlural: 'Gemeinschaftsschulen',
		category: 'formal',
		phases: ['primar', 'sek1']
	},
	{
		id: 'werkrealschule',
		label: 'Werkrealschule',
		labelPlural: 'Werkrealschulen',
		category: 'formal',
		phases: ['sek1']
	},
	{ id: 'realschule', label: 'Realschule', labelPlural: 'Realschulen', category: 'formal', phases: ['sek1'] },
	{
		id: 'gymnasium',
		label: 'Gymnasium',
		labelPlural: 'Gymnasien',
		category: 'formal',
		phases: ['sek1', 'sek2']
	},
	{
		id: 'sbbz',
		label: 'SBBZ',
		labelPlural: 'SBBZ',
		category: 'formal',
		phases: ['primar', 'sek1']
	},
	{
		id: 'berufliche_schule',
		label: 'Berufliche Schule',
		labelPlural: 'Berufliche Schulen',
		category: 'formal',
		phases: ['sek2']
	},
	{
		id: 'jugendhaus',
		label: 'Jugendhaus / Kinder- und Jugendtreff',
		labelPlural: 'Jugendhäuser / Kinder- und Jugendtreffs',
		category: 'nonformal',
		phases: ['primar', 'sek1', 'sek2']
	},
	{
		id: 'bibliothek',
		label: 'Stadtteilbibliothek',
		labelPlural: 'Stadtteilbibliotheken',
		category: 'nonformal',
		phases: ['elementar', 'primar', 'sek1', 'sek2']
	},
	{
		id: 'musikschule',
		label: 'Musikschule',
		labelPlural: 'Musikschulen',
		category: 'nonformal',
		phases: ['elementar', 'primar', 'sek1', 'sek2']
	},
	{
		id: 'vhs',
		label: 'Volkshochschule',
		labelPlural: 'Volkshochschulen',
		category: 'nonformal',
		phases: ['sek2']
	},
	{
		id: 'familienzentrum',
		label: 'Familienzentrum',
		labelPlural: 'Familienzentren',
		category: 'nonformal',
		phases: ['fruehe', 'elementar']
	},
	{
		id: 'sportverein',
		label: 'Sportverein',
		labelPlural: 'Sportvereine',
		category: 'informal',
		phases: ['elementar', 'primar', 'sek1', 'sek2']
	},
	{
		id: 'spielplatz',
		label: 'Spielplatz',
		labelPlural: 'Spielplätze',
		category: 'informal',
		phases: ['fruehe', 'elementar', 'primar']
	},
	{
		id: 'jugendberufsagentur',
		label: 'Jugendberufsagentur / Beratungsstelle',
		labelPlural: 'Jugendberufsagenturen / Beratungsstellen',
		category: 'nonformal',
		phases: ['sek2']
	}
];

/** German labels of the Lernort categories. */
export const LERNORT_CATEGORY_LABELS: Readonly<Record<LernortCategory, string>> = {
	formal: 'formal',
	nonformal: 'non-formal',
	informal: 'informell'
};
