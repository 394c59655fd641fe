// Lays out a docconv --alignment-report page in headless Chromium
// (puppeteer-core, Debian's chromium) at 1280 and 390 px and checks
// what the sheet promises: the doubtful beads first, in the summary,
// with the doubtful class and its own colour; every bead's two sides
// side by side at 1280 px (same top, original left), stacked at 390
// px without sideways scrolling; the text present at both widths; a
// printed copy.  Usage: node t_review.js PAGE.html SHOTPREFIX NDOUBTFUL
// TEXT: NDOUBTFUL beads expected doubtful, TEXT a string the page shows.
// Prints "doubtful: BEAD LINES" per doubtful bead, FAIL: lines, and
// exits 1 on failure.
'use strict';
const path = require('path');
const puppeteer = require(process.env.PUPPETEER_CORE || 'puppeteer-core');

const [page_path, shots, ndoubt, text] = process.argv.slice(2);

function measure() {
	const box = (el) => {
		const r = el.getBoundingClientRect();
		return [r.left, r.top, r.right, r.bottom];
	};
	const out = { beads: [], summary: [], first: null, text: '',
	    colours: {}, scroll: 0, width: 0, all: 0 };
	const first = document.querySelector('.bead');
	out.first = first === null ? null : { id: first.id,
	    cls: first.className };
	for (const b of document.querySelectorAll('#doubtful .bead'))
		out.summary.push({ id: b.id, cls: b.className,
		    bead: b.dataset.bead,
		    lines: Array.from(b.querySelectorAll('.lines'),
		    (l) => l.textContent).join(' | ') });
	for (const b of document.querySelectorAll('#all .bead')) {
		const o = b.querySelector(':scope > .orig');
		const t = b.querySelector(':scope > .trans');
		out.all++;
		if (o === null || t === null)
			continue;
		out.beads.push({ id: b.id, cls: b.className, o: box(o),
		    t: box(t), ofirst: !!(o.compareDocumentPosition(t) &
		    Node.DOCUMENT_POSITION_FOLLOWING) });
		const k = b.className.replace('bead ', '');
		out.colours[k] = getComputedStyle(b).borderLeftColor;
	}
	out.text = document.body.innerText;
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
		args: ['--no-sandbox', '--disable-gpu'],
	});
	try {
		const page = await browser.newPage();
		// Self-contained: nothing but the page itself is loaded.
		const fetched = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('file://'))
				fetched.push(r.url());
		});
		for (const width of [1280, 390]) {
			await page.setViewport({ width: width, height: 900 });
			await page.goto('file://' + path.resolve(page_path),
			    { waitUntil: 'load' });
			const m = await page.evaluate(measure);
			await page.screenshot({ path: `${shots}-${width}.png` });
			if (!m.text.includes(text))
				fail(`${width}px: "${text}" not shown`);
			if (m.summary.length !== Number(ndoubt))
				fail(`${width}px: ${m.summary.length} doubtful beads in the summary, not ${ndoubt}`);
			for (const s of m.summary)
				if (!s.cls.split(' ').includes('doubtful'))
					fail(`${width}px: ${s.id} in the summary is ${s.cls}`);
			const nall = m.beads.filter((b) =>
			    b.cls.split(' ').includes('doubtful')).length;
			if (nall !== Number(ndoubt))
				fail(`${width}px: ${nall} doubtful beads in the list, not ${ndoubt}`);
			if (Number(ndoubt) > 0 && (m.first === null ||
			    !m.first.cls.includes('doubtful')))
				fail(`${width}px: the first bead is not doubtful: ${JSON.stringify(m.first)}`);
			if (m.colours.doubtful !== undefined &&
			    m.colours.doubtful === m.colours.sure)
				fail(`${width}px: doubtful and sure beads look alike (${m.colours.sure})`);
			if (m.beads.length === 0 || m.beads.length !== m.all)
				fail(`${width}px: ${m.beads.length} of ${m.all} beads with both sides`);
			for (const b of m.beads) {
				const [ol, ot, or_, ob] = b.o;
				const [tl, tt] = b.t;
				if (width >= 1000) {
					if (Math.abs(ot - tt) > 1)
						fail(`1280px: ${b.id}: sides at ${ot} and ${tt}`);
					if (or_ > tl + 1)
						fail(`1280px: ${b.id}: not side by side (${or_} > ${tl})`);
				} else {
					if (!b.ofirst || tt < ob - 1)
						fail(`390px: ${b.id}: not stacked, original first`);
					if (Math.abs(ol - tl) > 1)
						fail(`390px: ${b.id}: left ${ol} and ${tl}`);
				}
			}
			if (m.scroll > m.width)
				fail(`${width}px: scrolls sideways (${m.scroll} > ${m.width})`);
			if (width === 1280)
				for (const s of m.summary)
					console.log(`doubtful: ${s.bead} ${s.lines}`);
			console.log(`${width}px: ${m.beads.length} beads, ` +
			    `${m.summary.length} doubtful`);
		}
		// Printable: the print style sheet gives pages.
		await page.emulateMediaType('print');
		const pdf = await page.pdf({ format: 'A4' });
		if (pdf.length < 1000)
			fail(`printed copy of ${pdf.length} bytes`);
		if (fetched.length > 0)
			fail(`fetched from the network: ${fetched.join(' ')}`);
	} finally {
		await browser.close();
	}
	process.exit(bad ? 1 : 0);
})().catch((e) => { console.log('FAIL: ' + e); process.exit(1); });
