/*
 * style.h: the PDF's style (style.c): paper, margins, and per role the
 * faces, size and leading, read from a GKeyFile style file (--style)
 * or built in.  The typesetter (typeset.c) only reads it.
 */
#ifndef STYLE_H
#define STYLE_H

#include <stdio.h>

struct dc_opts;

/*
 * The paragraph styles a style file names, in the typesetter's order
 * (typeset.c's enum ts_sid is the same list): each Chinese role is
 * followed by its English one.
 */
enum dc_srole {
	DC_SR_ZH_BODY = 0,	/* Chinese running text */
	DC_SR_EN_BODY,		/* English running text */
	DC_SR_ZH_TITLE,		/* title lines */
	DC_SR_EN_TITLE,
	DC_SR_ZH_SUB,		/* subtitle, occasion */
	DC_SR_EN_SUB,
	DC_SR_ZH_META,		/* speaker, date, dateline */
	DC_SR_EN_META,
	DC_SR_ZH_HEAD,		/* running head */
	DC_SR_EN_HEAD,
	DC_SR_ZH_KICKER,	/* kicker over the title */
	DC_SR_EN_KICKER,
	DC_SR_ZH_H1,		/* headings, level 1 */
	DC_SR_EN_H1,
	DC_SR_ZH_H2,		/* level 2 */
	DC_SR_EN_H2,
	DC_SR_ZH_H3,		/* level 3 */
	DC_SR_EN_H3,
	DC_SR_ZH_TURN,		/* speaker turn */
	DC_SR_EN_TURN,
	DC_SR_ZH_NOTE,		/* editor's note */
	DC_SR_EN_NOTE,
	DC_SR_ZH_CAPTION,	/* caption and credit */
	DC_SR_EN_CAPTION,
	DC_SR_ZH_SIGNOFF,	/* sign-off */
	DC_SR_EN_SIGNOFF,
	DC_SR_FOLIO,		/* page number */
	DC_SR__MAX
};

/* A length on the page: points, millimetres or a share of the paper. */
enum dc_unit {
	DC_UNIT_PCT = 0,	/* per cent of the paper (or text block) */
	DC_UNIT_MM,		/* millimetres */
	DC_UNIT_PT		/* points */
};

struct dc_len {
	double		 v;		/* the number as written */
	enum dc_unit	 unit;		/* its unit */
};

/*
 * A face: a Pango font description, FAMILY[,FALLBACK] [WEIGHT]; the
 * fallback family sets the characters of the other script (Latin in
 * Chinese text, Han in English).  A family docconv-zh-body,
 * docconv-zh-head, docconv-en-body or docconv-en-head stands for the
 * style's [fonts] entry, by default fonts-config/'s choice.
 */
struct dc_face {
	char		*desc;		/* as written, owned */
	char		*fam[2];	/* families, owned (the built-in
					   fallback if one is given) */
	int		 weight;	/* OpenType weight, 100 to 1000 */
	int		 line;		/* in the style file, or 0 */
	char		*real[2];	/* installed families after
					   dc_style_resolve(), owned */
};

/* Where the page number goes. */
enum dc_folio {
	DC_FOLIO_HEAD_OUTER = 0,	/* beside the running head, outside */
	DC_FOLIO_HEAD_INNER,
	DC_FOLIO_HEAD_CENTER,
	DC_FOLIO_FOOT_OUTER,		/* under the text block */
	DC_FOLIO_FOOT_INNER,
	DC_FOLIO_FOOT_CENTER,
	DC_FOLIO_NONE,
	DC_FOLIO__MAX
};

/* struct dc_srstyle base: a size in points, or the paper's. */
#define DC_BASE_PT	(-1)
#define DC_BASE_PAPER	(-2)

/* One paragraph style. */
struct dc_srstyle {
	struct dc_face	 font;		/* text */
	struct dc_face	 lead;		/* run-in lead, speaker label */
	double		 size;		/* points; or a factor of base */
	int		 base;		/* DC_BASE_PT: size is points;
					   DC_SR_ZH_BODY or DC_SR_EN_BODY: a
					   factor of its size; DC_BASE_PAPER
					   (zh body only): by the paper */
	double		 leading;	/* baseline to baseline: a factor of
					   the size, or points */
	int		 leading_pt;	/* leading is in points */
};

/* Families serving docconv's four font roles (enum dc_font_role). */
#define DC_STYLE_FONTS	4

struct dc_style {
	char		*file;		/* loaded from, or NULL: built in */
	char		*paper;		/* a5, a4, b5, letter or WxHmm */
	struct dc_len	 inner;		/* margins: % of the paper's width */
	struct dc_len	 outer;
	struct dc_len	 top;		/* ... of its height */
	struct dc_len	 bottom;
	double		 columns;	/* Chinese column's share of the
					   width, 0 for auto (balanced) */
	struct dc_len	 gutter;	/* between columns: % of the text
					   block's width */
	double		 space;		/* between pairs, Chinese lines */
	double		 indent[2];	/* paragraph indent, sizes: zh, en */
	int		 running_head;	/* titles above the text block */
	enum dc_folio	 folio;		/* page number's place */
	int		 hyphenate;	/* English hyphenation */
	int		 hang;		/* Chinese line-end marks hang, else
					   are compressed to half width */
	char		*fonts[DC_STYLE_FONTS]; /* [fonts]: families, owned */
	int		 fonts_line[DC_STYLE_FONTS]; /* their lines, or 0 */
	struct dc_srstyle role[DC_SR__MAX]; /* paragraph styles */
	int		 resolved;	/* dc_style_resolve() done */
};

int		 dc_style_paper(const char *, double *, double *);
const struct dc_style *dc_style_builtin(void);
struct dc_style	*dc_style_get(const struct dc_opts *);
int		 dc_style_load(const char *, const char *,
		    struct dc_style **);
int		 dc_style_resolve(struct dc_style *);
void		 dc_style_print(FILE *);
void		 dc_style_free(struct dc_style *);
double		 dc_style_len(const struct dc_len *, double);

#endif /* !STYLE_H */
