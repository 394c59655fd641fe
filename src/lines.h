/*
 * lines.h: shaping a paragraph once with HarfBuzz and breaking it into
 * lines (lines.c first fit, linebreak.c total fit), for the typesetter
 * (typeset.c).  Positions are in
 * Pango units, 1/1024 pt.
 */
#ifndef LINES_H
#define LINES_H

#include <stdint.h>

#include <glib.h>
#include <hb.h>

#include "fonts.h"

#define LN_SCALE	1024		/* units per point */

/* A face of an installed font file at a size. */
struct ln_font {
	char		*file;		/* font file */
	int		 index;		/* face in that file */
	int		 size;		/* em, units */
	hb_font_t	*hb;		/* scaled to size */
	hb_face_t	*face;
	uint32_t	 hyphen;	/* glyph of U+2010 or '-' */
	int32_t		 hyphen_adv;
	int		 words;		/* shaped word by word: 0 not known,
					 * 1 yes, -1 no (ln_font_words()) */
};

/* Fonts, language and size a paragraph is set in. */
struct ln_style {
	struct ln_font	*font[2];	/* the language's face, fallback */
	struct ln_font	*lead[2];	/* the same for a run-in lead */
	hb_language_t	 hblang;	/* for shaping (locl) */
	int		 zh;		/* Chinese: quotes open and close */
	int		 em;		/* size, units */
	int		 hang;		/* line-end marks hang, else half */
};

/* Glyph flags. */
#define LN_CSTART	0x01	/* first glyph of its cluster */
#define LN_HIDDEN	0x02	/* not painted (default ignorable) */
#define LN_SPACE	0x04	/* a space: stretches, not counted at ends */
#define LN_BREAK	0x08	/* a line may start with this cluster */
#define LN_CHAR		0x10	/* ... if it must, inside a word */
#define LN_HARD		0x20	/* a line must start with this cluster */
#define LN_SHY		0x40	/* a soft hyphen */
#define LN_HYPH		0x80	/* a line may start here after a hyphen */

struct ln_glyph {
	uint32_t	 gid;		/* glyph in the installed face */
	int32_t		 adv;		/* advance, units */
	int32_t		 dx, dy;	/* offset, units (dy: up) */
	uint32_t	 cl;		/* byte offset of its cluster */
	uint8_t		 font;		/* index into ln_para.fonts */
	uint8_t		 flags;		/* LN_* */
};

struct ln_line {
	int		 g0, g1;	/* glyphs [g0, g1) */
	int		 x;		/* left end from the frame, units */
	int		 width;		/* without trailing spaces, units */
	int		 start;		/* starts a paragraph (or after \n) */
	int		 ragged;	/* should be full but could not be */
	int		 hyphen;	/* ends in an added glyph: */
	uint32_t	 hgid;		/* ... a hyphen or an ellipsis */
	int32_t		 hadv;		/* ... its advance */
	uint8_t		 hfont;		/* ... its font */
	const char	*htext;		/* ... the text it stands for */
};

/* One paragraph, shaped; its lines after ln_break(). */
struct ln_para {
	int		 ref;		/* references (pages holding it), atomic */
	char		*text;		/* owned */
	size_t		 len;
	struct ln_font	*fonts[4];	/* those its glyphs use */
	int		 nfonts;
	struct ln_glyph	*g;		/* glyphs, in order */
	int		 ng;
	int32_t		*orig;		/* advances as shaped */
	struct ln_line	*lines;
	int		 nlines;
	const struct ln_style *st;	/* its style */
	int		 fit_width;	/* ln_fit()'s width, 0: not fit */
	int		 fit_indent;	/* ... and indent */
	unsigned int	 missing;	/* characters without a glyph */
	uint32_t	 missing_c;	/* the first of them */
};

hb_face_t	*ln_face(const char *, int);
void		 ln_face_forget(hb_face_t *);
void		 ln_lb(const char *, size_t, int, uint8_t *);
struct ln_font	*ln_font_get(const char *, int, int);
struct ln_para	*ln_shape(const struct ln_style *, char *, size_t, size_t,
		    const hb_feature_t *, unsigned int,
		    const uint32_t *, unsigned int);
void		 ln_hyphens(struct ln_para *, const uint32_t *, unsigned int);
void		 ln_break(struct ln_para *, int, int, int);
void		 ln_line_add(struct ln_para *, int, int, int, int, int);
int		 ln_is_fwpunct(gunichar);
void		 ln_fit(struct ln_para *, int, int);
void		 ln_balance(struct ln_para *, int);
int		 ln_refit(struct ln_para *, int);
int		 ln_line_flagged(const struct ln_para *, int);
void		 ln_center(struct ln_para *, int);
void		 ln_ellipsize(struct ln_para *, int);
int		 ln_units(const struct ln_para *, const struct ln_line *);
struct ln_para	*ln_ref(struct ln_para *);
void		 ln_unref(struct ln_para *);

#endif /* !LINES_H */
