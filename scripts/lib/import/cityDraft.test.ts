import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeTestort } from '../testort.test-helpers';
import { CityDraft } from './cityDraft';
import { makeTempDir } from './formats/fixtures.test-helpers';
import { ImportError } from './types';

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let cityDir: string;

beforeEach(() => {
	tmp = makeTempDir('bildungslandkarte-draft-');
	geodata = join(tmp.dir, 'geodata');
	cityDir = writeTestort(geodata);
});
afterEach(() => tmp.cleanup());

describe('CityDraft', () => {
	test('stages in memory: nothing changes on disk before commit', () => {
		const draft = new CityDraft(geodata, 'testort');
		const before = readFileSync(join(cityDir, 'stadtbezirke.csv'), 'utf8');
		draft.write('stadtbezirke.csv', 'bezirk_nr,bezirk_name\n1,Süd\n2,Nord (neu)\n');
		expect(draft.text('stadtbezirke.csv')).toContain('Nord (neu)');
		expect(readFileSync(join(cityDir, 'stadtbezirke.csv'), 'utf8')).toBe(before);
		expect(draft.check()).toEqual({ blocking: [], open: [] });
		draft.commit();
		expect(readFileSync(join(cityDir, 'stadtbezirke.csv'), 'utf8')).toContain('Nord (neu)');
		// No working copies are left beside the city.
		expect(readdirSync(geodata)).toEqual(['testort']);
	});

	test('a change that breaks a city that built is blocking; the files stay as they were', () => {
		const draft = new CityDraft(geodata, 'testort');
		draft.write('stadtbezirke.csv', 'bezirk_nr,bezirk_name\n1,Süd\n');
		const { blocking } = draft.check();
		expect(blocking.map((i) => i.message).join('\n')).toContain('Unbekannter Stadtbezirk „2“');
		expect(readdirSync(geodata)).toEqual(['testort']);
	});

	test('commit keeps the access rights of the city folder', () => {
		chmodSync(cityDir, 0o755);
		const draft = new CityDraft(geodata, 'testort');
		draft.write('stadtbezirke.csv', 'bezirk_nr,bezirk_name\n1,Süd\n2,Nord\n');
		draft.commit();
		expect(statSync(cityDir).mode & 0o777).toBe(0o755);
	});

	test('a second import into the same city waits for the lock to be released', () => {
		const first = new CityDraft(geodata, 'testort');
		first.lock();
		const second = new CityDraft(geodata, 'testort');
		expect(() => second.lock()).toThrow(ImportError);
		try {
			second.lock();
		} catch (err) {
			expect((err as ImportError).issues[0]!.message).toContain(
				'Ein anderer Import für „testort“ läuft gerade'
			);
		}
		first.unlock();
		second.lock();
		second.unlock();
		expect(existsSync(join(geodata, '.testort.lock'))).toBe(false);
	});

	test('a commit cut off between its renames is recovered from the old copy', () => {
		renameSync(cityDir, join(geodata, '.testort-old-12345'));
		const draft = new CityDraft(geodata, 'testort');
		expect(existsSync(cityDir)).toBe(true);
		expect(draft.text('city.json')).toContain('"testort"');
	});

	test('a new city folder is created on commit, also in a geodata folder that does not exist yet', () => {
		const elsewhere = join(tmp.dir, 'neu', 'geodata');
		const draft = new CityDraft(elsewhere, 'musterstadt');
		draft.write('city.json', '{}\n');
		draft.commit();
		expect(readFileSync(join(elsewhere, 'musterstadt', 'city.json'), 'utf8')).toBe('{}\n');
	});
});
