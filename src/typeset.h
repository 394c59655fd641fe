/*
 * typeset.h: line breaking and pagination for the PDF backend
 * (typeset.c).  The typesetter decides lines and their places and hands
 * each page over as data as soon as nothing more can land on it; the
 * renderer (render_pdf.c) only paints.
 */
#ifndef TYPESET_H
#define TYPESET_H

#include <pango/pango.h>

#include "fonts.h"
#include "lines.h"

/* --layout values. */
enum ts_layout {
	TS_COLUMNS = 0,		/* zh and en side by side */
	TS_FACING,		/* zh on the left page, en on the right */
	TS_INTERLEAVED,		/* one column, zh block then its en */
	TS_ZH,			/* Chinese only */
	TS_EN,			/* English only */
	TS__MAX
};

/*
 * What a line is part of in the document's structure, for the tagged
 * PDF: one element per block (or title line) and language.
 */
enum ts_tag {
	TS_TAG_NONE = 0,	/* furniture (running head, folio) */
	TS_TAG_P,		/* paragraph, salutation, sign-off, ... */
	TS_TAG_H1,		/* title line */
	TS_TAG_H2,		/* heading, level 1 */
	TS_TAG_H3,		/* level 2 */
	TS_TAG_H4,		/* level 3 and below */
	TS_TAG_CAPTION,		/* caption and credit */
	TS_TAG_NOTE,		/* editor's note */
	TS_TAG_TURN,		/* speaker turn: Lbl (the label), then P */
	TS_TAG__MAX
};

/* One line set on a page. */
struct ts_item {
	struct ln_para	*para;		/* holds the line; one reference */
	int		 line;		/* which line to paint */
	double		 x;		/* origin: left end, pt from left */
	double		 y;		/* origin: baseline, pt from top */
	int		 elem;		/* structure element: numbered from
					   0 in the order set; -1 furniture */
	enum ts_tag	 tag;		/* what the element is */
	enum dc_lang	 lang;		/* its language */
	size_t		 lbl;		/* TS_TAG_TURN: bytes of the label */
};

/* A hairline. */
struct ts_rule {
	double		 x0, y0;	/* start, pt */
	double		 x1, y1;	/* end, pt */
	double		 width;		/* stroke width, pt */
	int		 head;		/* the running head's */
};

/* A bookmark that points into a page. */
struct ts_mark {
	int		 level;		/* 0 title, 1-3 part, then point */
	char		*text;		/* label, owned */
	double		 y;		/* top of its first line, pt */
};

/* One finished page. */
struct ts_page {
	int		 number;	/* page number, from 1 */
	double		 left;		/* left margin of this page, pt */
	GArray		*items;		/* struct ts_item */
	GArray		*rules;		/* struct ts_rule */
	GArray		*marks;		/* struct ts_mark */
};

/* A face text is set in: installed family and weight. */
struct ts_face {
	const char	*family;	/* the style's, not owned */
	int		 weight;	/* OpenType weight */
};

#define TS_FACES_MAX	8

/*
 * Called with each finished page, in order: 0, 1 if it keeps the page
 * (and frees it with ts_page_free()), or -1 to stop.
 */
typedef int	(*ts_emit_fn)(struct ts_page *, void *);

int		 ts_paper(const char *, double *, double *);
int		 ts_layout_parse(const char *, unsigned int, int,
		    enum ts_layout *);
int		 ts_faces(const struct dc_opts *, enum ts_layout, unsigned int,
		    struct ts_face *);
void		 ts_page_free(struct ts_page *);
int		 ts_run(const struct dc_doc *, const struct dc_opts *,
		    ts_emit_fn, void *);

#endif /* !TYPESET_H */
