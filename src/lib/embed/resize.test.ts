import { describe, expect, it } from 'vitest';
import { datawrapperMessage, embedIds, parsePymMessage, pymMessage } from './resize.ts';

describe('height messages', () => {
	it('speaks the pym.js child format', () => {
		expect(pymMessage('chart-1', 'height', '612')).toBe('pymxPYMxchart-1xPYMxheightxPYMx612');
		expect(parsePymMessage('pymxPYMxchart-1xPYMxwidthxPYMx640')).toEqual({ childId: 'chart-1', type: 'width', message: '640' });
		expect(parsePymMessage({ 'datawrapper-height': {} })).toBeNull();
		expect(parsePymMessage('hello')).toBeNull();
	});

	it('speaks the Datawrapper format', () => {
		expect(datawrapperMessage('ward-map', 700)).toEqual({ 'datawrapper-height': { 'ward-map': 700 } });
	});

	it("uses pym's childId and ?id= when they look like ids, else the embed's own name", () => {
		expect(embedIds(new URLSearchParams('childId=abc&id=story-3'), 'ward-map')).toEqual({ pymId: 'abc', frameId: 'story-3' });
		expect(embedIds(new URLSearchParams('id=story-3'), 'ward-map')).toEqual({ pymId: 'story-3', frameId: 'story-3' });
		expect(embedIds(new URLSearchParams('id=<img onerror=x>&childId=a"b'), 'ward-map')).toEqual({ pymId: 'ward-map', frameId: 'ward-map' });
	});
});
