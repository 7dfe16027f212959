import { describe, expect, it } from 'vitest';
import { contrastRatio } from './palette';
import { TEXT_PAIRS, themeStyle, WERKSTATT_BODY_PX, WERKSTATT_THEME } from './werkstattTheme';

describe('werkstatt theme', () => {
	it.each(TEXT_PAIRS)('%s keeps WCAG AAA contrast (7:1)', (_, fg, bg) => {
		expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(7);
	});

	it('the focus ring stands out from the background (3:1 for non-text)', () => {
		expect(contrastRatio(WERKSTATT_THEME.focus, WERKSTATT_THEME.bg)).toBeGreaterThanOrEqual(3);
	});

	it('body text is at least 24 px', () => {
		expect(WERKSTATT_BODY_PX).toBeGreaterThanOrEqual(24);
	});

	it('writes the colours as custom properties', () => {
		const style = themeStyle();
		expect(style).toContain('--w-on-accent: #ffffff');
		expect(style).toContain('--w-cat-foerderluecke: #a00000');
		expect(style).toContain('--w-body: 24px');
	});
});
