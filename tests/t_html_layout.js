// Lays out a docconv --html page in headless Chromium (puppeteer-core,
// Debian's chromium) at 1280 and 390 px and checks what the page
// promises: wide, each pair's Chinese and English side by side and
// starting at the same height; narrow, stacked with the Chinese first
// and no horizontal scrolling; lang on every block of the text.
// Usage: node t_html_layout.js PAGE.html SHOTPREFIX
// Prints FAIL: lines and exits 1 on failure; writes SHOTPREFIX-1280.png
// and SHOTPREFIX-390.png.
'use strict';
const path = require('path');
const puppeteer = require(process.env.PUPPETEER_CORE || 'puppeteer-core');

const [page_path, shots] = process.argv.slice(2);

function measure() {
	const out = { pairs: [], nolang: [], scroll: 0, width: 0 };
	for (const el of document.querySelectorAll(
	    'main p, main h2, main h3, main h4, header p, header h1 span'))
		if (!el.closest('[lang]'))
			out.nolang.push(el.outerHTML.slice(0, 80));
	for (const el of document.querySelectorAll('main .pair > *'))
		if (!el.hasAttribute('lang'))
			out.nolang.push(el.outerHTML.slice(0, 80));
	for (const pair of document.querySelectorAll('main .pair')) {
		const zh = pair.querySelector(':scope > .zh');
		const en = pair.querySelector(':scope > .en');
		if (zh === null || en === null)
			continue;
		const a = zh.getBoundingClientRect();
		const b = en.getBoundingClientRect();
		out.pairs.push({ id: pair.id, zh: [a.left, a.top, a.right,
		    a.bottom], en: [b.left, b.top, b.right, b.bottom],
		    zhfirst: !!(zh.compareDocumentPosition(en) &
		    Node.DOCUMENT_POSITION_FOLLOWING) });
	}
	// Embedded faces (--embed-fonts) must load: a bad WOFF2 fails.
	out.faces = [];
	for (const f of document.fonts)
		if (f.family.replace(/"/g, '').startsWith('docconv'))
			out.faces.push(f.family + ' ' + f.weight + ': ' + f.status);
	out.scroll = document.documentElement.scrollWidth;
	out.width = window.innerWidth;
	return out;
}

(async () => {
	let bad = 0;
	const fail = (m) => { console.log('FAIL: ' + m); bad++; };
	const browser = await puppeteer.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu',
		    '--allow-file-access-from-files'],
	});
	try {
		const page = await browser.newPage();
		for (const width of [1280, 390]) {
			await page.setViewport({ width: width, height: 900 });
			await page.goto('file://' + path.resolve(page_path),
			    { waitUntil: 'load' });
			await page.evaluate(() => document.fonts.ready);
			const m = await page.evaluate(measure);
			// The text's first pairs, under the title and contents.
			await page.evaluate(() => {
				const p = document.querySelector('main .pair');
				if (p !== null)
					window.scrollTo(0, p.getBoundingClientRect().top +
					    window.scrollY - 40);
			});
			await page.screenshot({ path: `${shots}-${width}.png` });
			if (m.pairs.length === 0)
				fail(`${width}px: no pair with both languages`);
			for (const s of m.nolang)
				fail(`${width}px: no lang: ${s}`);
			for (const p of m.pairs) {
				const [zl, zt, zr, zb] = p.zh;
				const [el, et, er, eb] = p.en;
				if (width >= 1000) {
					if (Math.abs(zt - et) > 1)
						fail(`1280px: ${p.id}: zh top ${zt}, en top ${et}`);
					if (zr > el + 1)
						fail(`1280px: ${p.id}: not side by side (zh right ${zr}, en left ${el})`);
				} else {
					if (!p.zhfirst || et < zb - 1)
						fail(`390px: ${p.id}: not stacked Chinese first (zh bottom ${zb}, en top ${et})`);
					if (Math.abs(zl - el) > 1)
						fail(`390px: ${p.id}: zh left ${zl}, en left ${el}`);
				}
			}
			for (const f of m.faces)
				if (!f.endsWith(': loaded') && !f.endsWith(': unloaded'))
					fail(`${width}px: embedded face ${f}`);
			if (m.faces.length > 0 &&
			    !m.faces.some((f) => f.endsWith(': loaded')))
				fail(`${width}px: no embedded face loaded: ${m.faces}`);
			if (m.scroll > m.width)
				fail(`${width}px: scrolls sideways (${m.scroll} > ${m.width})`);
			console.log(`${width}px: ${m.pairs.length} pairs measured` +
			    (m.faces.length ? `; faces: ${m.faces.join(', ')}` : ''));
		}
	} finally {
		await browser.close();
	}
	process.exit(bad ? 1 : 0);
})().catch((e) => { console.log('FAIL: ' + e); process.exit(1); });
