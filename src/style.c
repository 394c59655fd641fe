/*
 * style: the PDF's paper, margins and paragraph styles as one struct
 * dc_style, built in or read from a GKeyFile style file (--style), and
 * printed back as one (--print-style).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <pango/pango.h>

#include "docconv.h"
#include "fonts.h"
#include "style.h"

#define ST_MM		(72.0 / 25.4)	/* points per millimetre */

/* The four families a face may name by role, as [fonts] keys. */
static const char *const st_font_keys[DC_STYLE_FONTS + 1] = {
	[DC_FONT_ZH_BODY] = "zh-body",
	[DC_FONT_ZH_HEAD] = "zh-head",
	[DC_FONT_EN_BODY] = "en-body",
	[DC_FONT_EN_HEAD] = "en-head",
	[DC_STYLE_FONTS] = NULL
};
static const char *const st_font_what[DC_STYLE_FONTS] = {
	[DC_FONT_ZH_BODY] = "Chinese body (a Song/Ming serif)",
	[DC_FONT_ZH_HEAD] = "Chinese headings (a Hei sans)",
	[DC_FONT_EN_BODY] = "English body (a book serif)",
	[DC_FONT_EN_HEAD] = "English headings",
};
#define ST_ALIAS	"docconv-"	/* prefix of the role families */

/*
 * The built-in paragraph styles: what typeset.c set before there
 * were style files.  Sizes are factors of a body size so that one
 * body size (by default, by the paper) moves them all.
 */
static const struct {
	const char	*group;		/* group in a style file */
	const char	*what;		/* comment above it */
	const char	*font;		/* face */
	const char	*lead;		/* run-in lead's face */
	double		 size;		/* factor of base, or points */
	int		 base;		/* as struct dc_srstyle's */
	double		 leading;	/* factor of the size */
} st_roles[DC_SR__MAX] = {
	[DC_SR_ZH_BODY] = { "zh-body", "Chinese running text",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 0, DC_BASE_PAPER, 1.75 },
	[DC_SR_EN_BODY] = { "en-body", "English running text",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1.02, DC_SR_ZH_BODY,
	  1.32 },
	[DC_SR_ZH_TITLE] = { "zh-title", "Chinese title lines",
	  "docconv-zh-head,docconv-en-head Bold",
	  "docconv-zh-head,docconv-en-head Medium", 1.75, DC_SR_ZH_BODY,
	  1.45 },
	[DC_SR_EN_TITLE] = { "en-title", "English title lines",
	  "docconv-en-body,docconv-zh-head Bold",
	  "docconv-en-body,docconv-zh-head Bold", 1.45, DC_SR_ZH_BODY,
	  1.25 },
	[DC_SR_ZH_SUB] = { "zh-subtitle", "Chinese subtitle and occasion",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 1.15, DC_SR_ZH_BODY,
	  1.6 },
	[DC_SR_EN_SUB] = { "en-subtitle", "English subtitle and occasion",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1.12, DC_SR_EN_BODY,
	  1.35 },
	[DC_SR_ZH_META] = { "zh-meta",
	  "Chinese speaker, date and dateline lines",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 1, DC_SR_ZH_BODY, 1.6 },
	[DC_SR_EN_META] = { "en-meta", "English speaker and date lines",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1, DC_SR_EN_BODY, 1.35 },
	[DC_SR_ZH_HEAD] = { "zh-running-head", "Chinese running head (versos)",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 0.8, DC_SR_ZH_BODY,
	  1.2 },
	[DC_SR_EN_HEAD] = { "en-running-head", "English running head (rectos)",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 0.85, DC_SR_EN_BODY,
	  1.2 },
	/* A kicker is smaller than the title, in the sans (Chinese). */
	[DC_SR_ZH_KICKER] = { "zh-kicker", "Chinese kicker over the title",
	  "docconv-zh-head,docconv-en-body Medium",
	  "docconv-zh-head,docconv-en-body Medium", 1.15, DC_SR_ZH_BODY,
	  1.5 },
	[DC_SR_EN_KICKER] = { "en-kicker", "English kicker",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1.08, DC_SR_EN_BODY,
	  1.3 },
	/* Headings: bold sans for Chinese, bold serif for English. */
	[DC_SR_ZH_H1] = { "zh-heading1", "Chinese headings, level 1",
	  "docconv-zh-head,docconv-en-body Bold",
	  "docconv-zh-head,docconv-en-body Medium", 1.25, DC_SR_ZH_BODY,
	  1.5 },
	[DC_SR_EN_H1] = { "en-heading1", "English headings, level 1",
	  "docconv-en-body,docconv-zh-head Bold",
	  "docconv-en-body,docconv-zh-head Bold", 1.25, DC_SR_EN_BODY,
	  1.3 },
	[DC_SR_ZH_H2] = { "zh-heading2", "Chinese headings, level 2",
	  "docconv-zh-head,docconv-en-body Bold",
	  "docconv-zh-head,docconv-en-body Medium", 1.12, DC_SR_ZH_BODY,
	  1.5 },
	[DC_SR_EN_H2] = { "en-heading2", "English headings, level 2",
	  "docconv-en-body,docconv-zh-head Bold",
	  "docconv-en-body,docconv-zh-head Bold", 1.12, DC_SR_EN_BODY,
	  1.3 },
	[DC_SR_ZH_H3] = { "zh-heading3", "Chinese headings, level 3 and below",
	  "docconv-zh-head,docconv-en-body Bold",
	  "docconv-zh-head,docconv-en-body Medium", 1, DC_SR_ZH_BODY, 1.5 },
	[DC_SR_EN_H3] = { "en-heading3", "English headings, level 3 and below",
	  "docconv-en-body,docconv-zh-head Bold",
	  "docconv-en-body,docconv-zh-head Bold", 1, DC_SR_EN_BODY, 1.3 },
	/* Turns are body text whose lead, the speaker's label, is bold. */
	[DC_SR_ZH_TURN] = { "zh-turn",
	  "Chinese speaker turns (lead: the speaker's label)",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Bold", 1, DC_SR_ZH_BODY, 1.75 },
	[DC_SR_EN_TURN] = { "en-turn", "English speaker turns",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-head Bold", 1, DC_SR_EN_BODY, 1.32 },
	[DC_SR_ZH_NOTE] = { "zh-note", "Chinese editor's notes",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 1, DC_SR_ZH_BODY, 1.75 },
	[DC_SR_EN_NOTE] = { "en-note", "English editor's notes",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1, DC_SR_EN_BODY, 1.32 },
	/* Captions and credits smaller; sign-offs at body size. */
	[DC_SR_ZH_CAPTION] = { "zh-caption", "Chinese captions and credits",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 0.85, DC_SR_ZH_BODY,
	  1.6 },
	[DC_SR_EN_CAPTION] = { "en-caption", "English captions and credits",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 0.88, DC_SR_EN_BODY,
	  1.3 },
	[DC_SR_ZH_SIGNOFF] = { "zh-signoff", "Chinese sign-offs",
	  "docconv-zh-body,docconv-en-body",
	  "docconv-zh-head,docconv-en-body Medium", 1, DC_SR_ZH_BODY, 1.75 },
	[DC_SR_EN_SIGNOFF] = { "en-signoff", "English sign-offs",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 1, DC_SR_EN_BODY, 1.32 },
	/* Folios as the English running head, which they stood beside. */
	[DC_SR_FOLIO] = { "folio", "Page numbers",
	  "docconv-en-body,docconv-zh-body",
	  "docconv-en-body,docconv-zh-body Bold", 0.85, DC_SR_EN_BODY,
	  1.2 },
};

static const char *const st_folio_names[DC_FOLIO__MAX] = {
	[DC_FOLIO_HEAD_OUTER] = "head-outer",
	[DC_FOLIO_HEAD_INNER] = "head-inner",
	[DC_FOLIO_HEAD_CENTER] = "head-center",
	[DC_FOLIO_FOOT_OUTER] = "foot-outer",
	[DC_FOLIO_FOOT_INNER] = "foot-inner",
	[DC_FOLIO_FOOT_CENTER] = "foot-center",
	[DC_FOLIO_NONE] = "none",
};

/* Paper names and sizes in millimetres. */
static const struct {
	const char	*name;
	double		 w, h;
} st_papers[] = {
	{ "a6", 105, 148 },
	{ "a5", 148, 210 },
	{ "a4", 210, 297 },
	{ "b6", 125, 176 },
	{ "b5", 176, 250 },
	{ "letter", 215.9, 279.4 },
};

/* Reading one style file. */
struct st_read {
	const char	*file;		/* its name */
	GKeyFile	*kf;		/* its contents */
	GHashTable	*lines;		/* "group\037key" -> line */
	struct dc_style	*s;		/* filled in */
	const char	*paper;		/* --paper, or NULL: the style's */
	int		 err;		/* an error was reported */
};

static struct dc_style	*st_builtin;	/* made once */
G_LOCK_DEFINE_STATIC(st_lock);

/*
 * A paper name or WxHmm (70 to 1000 mm each way) in points.  Returns
 * 0, or -1 without a message (the caller says what is allowed).
 */
int
dc_style_paper(const char *s, double *w, double *h)
{
	size_t		 i;
	char		*end;
	double		 a, b;

	for (i = 0; i < G_N_ELEMENTS(st_papers); i++)
		if (g_ascii_strcasecmp(s, st_papers[i].name) == 0) {
			*w = st_papers[i].w * ST_MM;
			*h = st_papers[i].h * ST_MM;
			return 0;
		}
	a = g_ascii_strtod(s, &end);
	if (end != s && (*end == 'x' || *end == 'X')) {
		s = end + 1;
		b = g_ascii_strtod(s, &end);
		if (end != s && strcmp(end, "mm") == 0 &&
		    a >= 70 && a <= 1000 && b >= 70 && b <= 1000) {
			*w = a * ST_MM;
			*h = b * ST_MM;
			return 0;
		}
	}
	return -1;
}

/* A length in points, given what a per cent is a share of. */
double
dc_style_len(const struct dc_len *l, double whole)
{
	switch (l->unit) {
	case DC_UNIT_PCT:
		return whole * (l->v / 100);
	case DC_UNIT_MM:
		return l->v * ST_MM;
	case DC_UNIT_PT:
		return l->v;
	}
	abort();
}

/*
 * Split a face's description: the families (one or two, comma
 * separated) and the weight.  Returns 0, or -1 if it names no family
 * or more than two; *size gets its size in points, or 0.
 */
static int
st_face_parse(struct dc_face *f, const char *desc, double *size)
{
	PangoFontDescription	*pd;
	const char		*fam;
	char			**v = NULL;
	int			 rc = -1, n;

	pd = pango_font_description_from_string(desc);
	fam = pango_font_description_get_family(pd);
	if (fam == NULL || *fam == '\0')
		goto out;
	v = g_strsplit(fam, ",", -1);
	for (n = 0; v[n] != NULL; n++)
		if (*g_strstrip(v[n]) == '\0')
			goto out;
	if (n < 1 || n > 2)
		goto out;
	g_free(f->desc);
	g_free(f->fam[0]);
	f->desc = g_strdup(desc);
	f->fam[0] = g_strdup(v[0]);
	/* One family: the other script keeps the built-in fallback. */
	if (n > 1 || f->fam[1] == NULL) {
		g_free(f->fam[1]);
		f->fam[1] = g_strdup(v[n > 1 ? 1 : 0]);
	}
	f->weight = (int)pango_font_description_get_weight(pd);
	*size = pango_font_description_get_size_is_absolute(pd) ||
	    !(pango_font_description_get_set_fields(pd) &
	    PANGO_FONT_MASK_SIZE) ? 0 :
	    (double)pango_font_description_get_size(pd) / PANGO_SCALE;
	rc = 0;
out:
	g_strfreev(v);
	pango_font_description_free(pd);
	return rc;
}

static void
st_face_free(struct dc_face *f)
{
	int	 i;

	g_free(f->desc);
	for (i = 0; i < 2; i++) {
		g_free(f->fam[i]);
		g_free(f->real[i]);
	}
}

/* The built-in style, made on first use; resolved by the caller. */
static struct dc_style *
st_default(void)
{
	struct dc_style	*s;
	double		 z;
	int		 i;

	s = g_new0(struct dc_style, 1);
	s->paper = g_strdup("a5");
	/* Book margins: inner narrower than outer, foot deeper than head. */
	s->inner.v = 10;
	s->outer.v = 12;
	s->top.v = 8.5;
	s->bottom.v = 9.5;
	s->columns = 0;
	s->gutter.v = 5;
	s->space = 0.45;
	s->indent[DC_LANG_ZH] = 2;
	s->indent[DC_LANG_EN] = 1.2;
	s->running_head = 1;
	s->folio = DC_FOLIO_HEAD_OUTER;
	s->hyphenate = 1;
	for (i = 0; i < DC_STYLE_FONTS; i++)
		s->fonts[i] = g_strconcat(ST_ALIAS, st_font_keys[i], NULL);
	for (i = 0; i < DC_SR__MAX; i++) {
		/* The table above is ours: it always parses. */
		if (st_face_parse(&s->role[i].font, st_roles[i].font,
		    &z) == -1 || st_face_parse(&s->role[i].lead,
		    st_roles[i].lead, &z) == -1)
			abort();
		s->role[i].size = st_roles[i].size;
		s->role[i].base = st_roles[i].base;
		s->role[i].leading = st_roles[i].leading;
	}
	return s;
}

/* The built-in style (not to be freed). */
const struct dc_style *
dc_style_builtin(void)
{
	G_LOCK(st_lock);
	if (st_builtin == NULL)
		st_builtin = st_default();
	G_UNLOCK(st_lock);
	return st_builtin;
}

/*
 * The style a run uses: --style's, or the built-in one; its fonts
 * found.  NULL after saying why not.
 */
struct dc_style *
dc_style_get(const struct dc_opts *o)
{
	struct dc_style	*s = o->style;

	if (s == NULL) {
		(void)dc_style_builtin();
		s = st_builtin;
	}
	return dc_style_resolve(s) == 0 ? s : NULL;
}

void
dc_style_free(struct dc_style *s)
{
	int	 i;

	if (s == NULL || s == st_builtin)
		return;
	g_free(s->file);
	g_free(s->paper);
	for (i = 0; i < DC_STYLE_FONTS; i++)
		g_free(s->fonts[i]);
	for (i = 0; i < DC_SR__MAX; i++) {
		st_face_free(&s->role[i].font);
		st_face_free(&s->role[i].lead);
	}
	g_free(s);
}

/*
 * Which line of the file a key is on, and [group] lines under key
 * NULL; every other line must be blank, a comment or KEY = VALUE
 * (GKeyFile would refuse the file without saying where).  Returns 0,
 * or -1 after naming the line.
 */
static int
st_scan(struct st_read *r, const char *text)
{
	char		**v, *group = NULL, *line, *eq;
	int		 i, rc = -1;

	v = g_strsplit(text, "\n", -1);
	for (i = 0; v[i] != NULL; i++) {
		line = g_strstrip(v[i]);
		if (*line == '\0' || *line == '#')
			continue;
		if (*line == '[') {
			if (line[strlen(line) - 1] != ']' || line[1] == ']') {
				dc_msg(DC_ERR_STYLE, i + 1, 0, "%s: a group "
				    "is [NAME]", line);
				goto out;
			}
			g_free(group);
			group = g_strndup(line + 1, strlen(line) - 2);
			g_hash_table_insert(r->lines, g_strdup(group),
			    GINT_TO_POINTER(i + 1));
			continue;
		}
		if ((eq = strchr(line, '=')) == NULL || eq == line ||
		    group == NULL) {
			dc_msg(DC_ERR_STYLE, i + 1, 0, "'%s': a line is "
			    "[GROUP], KEY = VALUE after a group, or a "
			    "# comment", line);
			goto out;
		}
		*eq = '\0';
		g_hash_table_insert(r->lines, g_strdup_printf("%s\037%s",
		    group, g_strstrip(line)), GINT_TO_POINTER(i + 1));
	}
	rc = 0;
out:
	g_free(group);
	g_strfreev(v);
	return rc;
}

static int
st_line(const struct st_read *r, const char *group, const char *key)
{
	char	*k;
	int	 n;

	k = key == NULL ? g_strdup(group) :
	    g_strdup_printf("%s\037%s", group, key);
	n = GPOINTER_TO_INT(g_hash_table_lookup(r->lines, k));
	g_free(k);
	return n;
}

/* A key's value, stripped (g_free), or NULL if it is not given. */
static char *
st_get(const struct st_read *r, const char *group, const char *key)
{
	char	*v;

	if ((v = g_key_file_get_value(r->kf, group, key, NULL)) == NULL)
		return NULL;
	return g_strstrip(v);
}

/* Report a bad value: FILE:LINE, the key, its value, what is allowed. */
static void
st_bad(struct st_read *r, const char *group, const char *key,
    const char *val, const char *allowed)
{
	dc_msg(DC_ERR_STYLE, st_line(r, group, key), 0, "[%s] %s = %s: %s",
	    group, key, val, allowed);
	r->err = 1;
}

/* A number in [lo, hi] with nothing after it but suffix; 0 or -1. */
static int
st_number(const char *s, const char *suffix, double lo, double hi,
    double *d)
{
	char	*end;
	double	 v;

	errno = 0;
	v = g_ascii_strtod(s, &end);
	if (end == s || errno != 0 || !isfinite(v))
		return -1;
	while (*end == ' ')
		end++;
	if (strcmp(end, suffix) != 0 || v < lo || v > hi)
		return -1;
	*d = v;
	return 0;
}

/* A margin or gutter: N% (of what), Nmm or Npt.  */
static void
st_len(struct st_read *r, const char *group, const char *key, double pct,
    double mm, struct dc_len *l)
{
	char	*v, *msg;
	double	 d;

	if ((v = st_get(r, group, key)) == NULL)
		return;
	if (st_number(v, "%", 0, pct, &d) == 0)
		l->unit = DC_UNIT_PCT;
	else if (st_number(v, "mm", 0, mm, &d) == 0)
		l->unit = DC_UNIT_MM;
	else if (st_number(v, "pt", 0, mm * ST_MM, &d) == 0)
		l->unit = DC_UNIT_PT;
	else {
		msg = g_strdup_printf("give 0%% to %g%%, 0mm to %gmm or "
		    "0pt to %gpt", pct, mm, floor(mm * ST_MM));
		st_bad(r, group, key, v, msg);
		g_free(msg);
		g_free(v);
		return;
	}
	l->v = d;
	g_free(v);
}

/* A plain number in [lo, hi]. */
static void
st_double(struct st_read *r, const char *group, const char *key,
    double lo, double hi, double *d)
{
	char	*v, *msg;

	if ((v = st_get(r, group, key)) == NULL)
		return;
	if (st_number(v, "", lo, hi, d) == -1) {
		msg = g_strdup_printf("give a number from %g to %g", lo, hi);
		st_bad(r, group, key, v, msg);
		g_free(msg);
	}
	g_free(v);
}

static void
st_bool(struct st_read *r, const char *group, const char *key, int *b)
{
	char	*v;

	if ((v = st_get(r, group, key)) == NULL)
		return;
	if (strcmp(v, "true") == 0 || strcmp(v, "on") == 0 ||
	    strcmp(v, "yes") == 0)
		*b = 1;
	else if (strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
	    strcmp(v, "no") == 0)
		*b = 0;
	else
		st_bad(r, group, key, v, "give true or false");
	g_free(v);
}

/* [page]: paper, margins, columns, furniture. */
static void
st_page(struct st_read *r)
{
	struct dc_style	*s = r->s;
	const char	*g = "page";
	char		*v;
	double		 pw, ph, d;
	int		 i;

	if ((v = st_get(r, g, "paper")) != NULL) {
		if (dc_style_paper(v, &pw, &ph) == -1)
			st_bad(r, g, "paper", v, "give a6, a5, a4, b6, b5, "
			    "letter or WxHmm (70 to 1000 mm, e.g. 140x203mm)");
		else {
			g_free(s->paper);
			s->paper = g_strdup(v);
		}
		g_free(v);
	}
	st_len(r, g, "inner", 45, 300, &s->inner);
	st_len(r, g, "outer", 45, 300, &s->outer);
	st_len(r, g, "top", 45, 300, &s->top);
	st_len(r, g, "bottom", 45, 300, &s->bottom);
	st_len(r, g, "gutter", 30, 100, &s->gutter);
	if ((v = st_get(r, g, "columns")) != NULL) {
		if (strcmp(v, "auto") == 0)
			s->columns = 0;
		else if (st_number(v, "", 0, 1, &d) == 0 && d > 0 && d < 1)
			s->columns = d;
		else
			st_bad(r, g, "columns", v, "give auto or the Chinese "
			    "column's share of the width, between 0 and 1 "
			    "(e.g. 0.45)");
		g_free(v);
	}
	st_bool(r, g, "running-head", &s->running_head);
	if ((v = st_get(r, g, "folio")) != NULL) {
		for (i = 0; i < DC_FOLIO__MAX; i++)
			if (strcmp(v, st_folio_names[i]) == 0)
				break;
		if (i == DC_FOLIO__MAX)
			st_bad(r, g, "folio", v, "give head-outer, head-inner, "
			    "head-center, foot-outer, foot-inner, "
			    "foot-center or none");
		else
			s->folio = (enum dc_folio)i;
		g_free(v);
	}
}

/* [text]: spacing, indents, hyphenation, line-end punctuation. */
static void
st_text(struct st_read *r)
{
	struct dc_style	*s = r->s;
	char		*v;

	st_double(r, "text", "space", 0, 10, &s->space);
	st_double(r, "text", "indent-zh", 0, 10, &s->indent[DC_LANG_ZH]);
	st_double(r, "text", "indent-en", 0, 10, &s->indent[DC_LANG_EN]);
	st_bool(r, "text", "hyphenation", &s->hyphenate);
	if ((v = st_get(r, "text", "punctuation")) != NULL) {
		if (strcmp(v, "compress") == 0 || strcmp(v, "hang") == 0)
			s->hang = strcmp(v, "hang") == 0;
		else
			st_bad(r, "text", "punctuation", v, "give compress "
			    "or hang");
		g_free(v);
	}
}

/* [fonts]: the families behind docconv-zh-body and the others. */
static void
st_fonts(struct st_read *r)
{
	char	*v;
	int	 i;

	for (i = 0; i < DC_STYLE_FONTS; i++) {
		if ((v = st_get(r, "fonts", st_font_keys[i])) == NULL)
			continue;
		/* docconv-X names a role, and only those four. */
		if (*v == '\0' || strchr(v, ',') != NULL ||
		    (g_str_has_prefix(v, ST_ALIAS) && !g_strv_contains(
		    (const char *const *)st_font_keys, v + strlen(ST_ALIAS))))
			st_bad(r, "fonts", st_font_keys[i], v, "give one "
			    "font family (e.g. Noto Serif CJK SC), or "
			    "docconv-zh-body, docconv-zh-head, "
			    "docconv-en-body or docconv-en-head");
		else {
			g_free(r->s->fonts[i]);
			r->s->fonts[i] = g_strdup(v);
			r->s->fonts_line[i] = st_line(r, "fonts",
			    st_font_keys[i]);
		}
		g_free(v);
	}
}

/* One paragraph style's group. */
static void
st_role(struct st_read *r, int i)
{
	struct dc_srstyle *sr = &r->s->role[i];
	const char	*g = st_roles[i].group;
	const char	*fk[2] = { "font", "lead-font" };
	struct dc_face	*f[2] = { &sr->font, &sr->lead };
	char		*v, *b;
	double		 d, dsize = 0;
	int		 k, size_given;

	for (k = 0; k < 2; k++) {
		if ((v = st_get(r, g, fk[k])) == NULL)
			continue;
		if (st_face_parse(f[k], v, &d) == -1)
			st_bad(r, g, fk[k], v, "give a Pango font description: "
			    "FAMILY[,FALLBACK] [WEIGHT] [SIZE] (e.g. Noto "
			    "Serif CJK SC Bold 10.5)");
		else if (k == 0)
			dsize = d;
		f[k]->line = st_line(r, g, fk[k]);
		g_free(v);
	}
	size_given = 0;
	if ((v = st_get(r, g, "size")) != NULL) {
		size_given = 1;
		b = strchr(v, ' ');
		if (i == DC_SR_ZH_BODY && strcmp(v, "auto") == 0) {
			sr->base = DC_BASE_PAPER;
			sr->size = 0;
		} else if (st_number(v, "", 4, 72, &d) == 0 ||
		    st_number(v, "pt", 4, 72, &d) == 0) {
			sr->base = DC_BASE_PT;
			sr->size = d;
		} else if (b != NULL && i != DC_SR_ZH_BODY &&
		    (st_number(v, "zh-body", 0.2, 5, &d) == 0 ||
		    (i != DC_SR_EN_BODY &&
		    st_number(v, "en-body", 0.2, 5, &d) == 0))) {
			sr->base = g_str_has_suffix(v, "zh-body") ?
			    DC_SR_ZH_BODY : DC_SR_EN_BODY;
			sr->size = d;
		} else
			st_bad(r, g, "size", v, i == DC_SR_ZH_BODY ?
			    "give auto (by the paper) or 4 to 72 points" :
			    i == DC_SR_EN_BODY ? "give 4 to 72 points, or "
			    "a factor of the Chinese body (e.g. 1.02 "
			    "zh-body)" : "give 4 to 72 points, or a factor "
			    "of a body size (e.g. 1.25 zh-body, 0.9 "
			    "en-body)");
		g_free(v);
	}
	/* A size in the font's description counts when none is given. */
	if (!size_given && dsize > 0) {
		if (dsize < 4 || dsize > 72) {
			v = st_get(r, g, "font");
			st_bad(r, g, "font", v, "its size is 4 to 72 points");
			g_free(v);
		} else {
			sr->base = DC_BASE_PT;
			sr->size = dsize;
		}
	}
	if ((v = st_get(r, g, "leading")) != NULL) {
		if (st_number(v, "", 0.8, 4, &d) == 0) {
			sr->leading = d;
			sr->leading_pt = 0;
		} else if (st_number(v, "pt", 3, 300, &d) == 0) {
			sr->leading = d;
			sr->leading_pt = 1;
		} else
			st_bad(r, g, "leading", v, "give a factor of the size "
			    "from 0.8 to 4 (e.g. 1.6), or 3pt to 300pt");
		g_free(v);
	}
}

/*
 * Running text in another role at its body's size and leading (turns,
 * notes, sign-offs, as built in) keeps to its body's baseline grid: a
 * style that sets the body's leading and not theirs moves theirs too
 * (the large style's leading = 1.7 left turns at 1.75 beside 1.7).
 */
static void
st_leading_follow(struct st_read *r)
{
	struct dc_srstyle *sr, *body;
	int		 i, b;

	for (i = 0; i < DC_SR__MAX; i++) {
		b = st_roles[i].base;
		if (i == DC_SR_ZH_BODY || i == DC_SR_EN_BODY ||
		    (b != DC_SR_ZH_BODY && b != DC_SR_EN_BODY) ||
		    st_roles[i].size != 1 ||
		    st_roles[i].leading != st_roles[b].leading ||
		    g_key_file_has_key(r->kf, st_roles[i].group, "leading",
		    NULL) ||
		    !g_key_file_has_key(r->kf, st_roles[b].group, "leading",
		    NULL))
			continue;
		sr = &r->s->role[i];
		body = &r->s->role[b];
		/* Only while it is still at its body's size. */
		if (sr->base != b || sr->size != 1)
			continue;
		sr->leading = body->leading;
		sr->leading_pt = body->leading_pt;
	}
}

/* Warn of the groups and keys docconv does not know. */
static void
st_unknown(struct st_read *r)
{
	static const char *const page[] = { "paper", "inner", "outer",
	    "top", "bottom", "gutter", "columns", "running-head", "folio",
	    NULL };
	static const char *const text[] = { "space", "indent-zh",
	    "indent-en", "hyphenation", "punctuation", NULL };
	static const char *const role[] = { "font", "lead-font", "size",
	    "leading", NULL };
	const char *const *known;
	char		**groups, **keys, *list;
	gsize		 i, j;
	int		 k;

	groups = g_key_file_get_groups(r->kf, NULL);
	for (i = 0; groups[i] != NULL; i++) {
		known = strcmp(groups[i], "page") == 0 ? page :
		    strcmp(groups[i], "text") == 0 ? text :
		    strcmp(groups[i], "fonts") == 0 ? st_font_keys : NULL;
		for (k = 0; known == NULL && k < DC_SR__MAX; k++)
			if (strcmp(groups[i], st_roles[k].group) == 0)
				known = role;
		if (known == NULL) {
			dc_msg(DC_WARN_STYLE, st_line(r, groups[i], NULL), 0,
			    "unknown group [%s] (ignored); docconv "
			    "--print-style shows the groups", groups[i]);
			continue;
		}
		keys = g_key_file_get_keys(r->kf, groups[i], NULL, NULL);
		for (j = 0; keys[j] != NULL; j++) {
			if (g_strv_contains(known, keys[j]))
				continue;
			list = g_strjoinv(", ", (char **)(void *)known);
			dc_msg(DC_WARN_STYLE, st_line(r, groups[i], keys[j]),
			    0, "unknown key %s in [%s] (ignored); the keys "
			    "are %s", keys[j], groups[i], list);
			g_free(list);
		}
		g_strfreev(keys);
	}
	g_strfreev(groups);
}

/*
 * The margins must leave a text block on the paper the PDF will have
 * (--paper, else the style's).  Returns 0, or -1 after naming the
 * margins.
 */
static int
st_block_check(struct st_read *r)
{
	struct dc_style	*s = r->s;
	double		 pw, ph, w, h;

	if (dc_style_paper(r->paper != NULL ? r->paper : s->paper, &pw,
	    &ph) == -1)
		return 0;
	w = pw - dc_style_len(&s->inner, pw) - dc_style_len(&s->outer, pw);
	h = ph - dc_style_len(&s->top, ph) - dc_style_len(&s->bottom, ph);
	if (w < 30 * ST_MM) {
		dc_msg(DC_ERR_STYLE, st_line(r, "page", "inner") > 0 ?
		    st_line(r, "page", "inner") : st_line(r, "page", "outer"),
		    0, "[page] inner and outer leave %.1f mm of the paper's "
		    "%.1f mm for text: the text block needs 30 mm or more",
		    w / ST_MM, pw / ST_MM);
		return -1;
	}
	if (h < 40 * ST_MM) {
		dc_msg(DC_ERR_STYLE, st_line(r, "page", "top") > 0 ?
		    st_line(r, "page", "top") : st_line(r, "page", "bottom"),
		    0, "[page] top and bottom leave %.1f mm of the paper's "
		    "%.1f mm for text: the text block needs 40 mm or more",
		    h / ST_MM, ph / ST_MM);
		return -1;
	}
	return 0;
}

/*
 * --style FILE: the built-in style with what FILE sets, for paper
 * (--paper, or NULL for the style's own).  Returns 0 and the style in
 * *out (dc_style_free()), or -1 after naming FILE:LINE, the key and
 * what it allows.  Unknown groups and keys are warnings.
 */
int
dc_style_load(const char *file, const char *paper, struct dc_style **out)
{
	struct st_read	 r;
	GError		*err = NULL;
	char		*text = NULL, *why;
	const char	*body;
	size_t		 len;
	int		 i, rc = -1;

	memset(&r, 0, sizeof(r));
	*out = NULL;
	r.file = file;
	r.paper = paper;
	r.lines = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL);
	r.kf = g_key_file_new();
	dc_msg_set_file(file);
	if (dc_side_read(file, DC_SIDE_MAX, 1, &text, &len, &why) == -1) {
		dc_msg(DC_ERR_STYLE, 0, 0, "%s", why);
		g_free(why);
		goto out;
	}
	if (!g_utf8_validate(text, (gssize)len, NULL) ||
	    strlen(text) != len) {
		dc_msg(DC_ERR_STYLE, 0, 0, "not UTF-8 text");
		goto out;
	}
	/* A byte order mark, as Windows editors write: not text. */
	body = text;
	if (g_str_has_prefix(body, "\357\273\277"))
		body += 3;
	if (st_scan(&r, body) == -1)
		goto out;
	if (!g_key_file_load_from_data(r.kf, body, strlen(body),
	    G_KEY_FILE_NONE, &err)) {
		dc_msg(DC_ERR_STYLE, 0, 0, "%s", err->message);
		goto out;
	}
	r.s = st_default();
	r.s->file = g_strdup(file);
	st_unknown(&r);
	st_page(&r);
	st_text(&r);
	st_fonts(&r);
	for (i = 0; i < DC_SR__MAX; i++)
		st_role(&r, i);
	st_leading_follow(&r);
	if (r.err || st_block_check(&r) == -1)
		goto out;
	*out = r.s;
	r.s = NULL;
	rc = 0;
out:
	dc_msg_set_file(NULL);
	if (err != NULL)
		g_error_free(err);
	dc_style_free(r.s);
	g_key_file_free(r.kf);
	g_hash_table_destroy(r.lines);
	g_free(text);
	return rc;
}

/*
 * The installed family a face's family k stands for: a role family
 * (docconv-zh-body) is the style's [fonts] entry, and that, if it is
 * a role family itself, fonts-config/'s choice for that role.
 */
static const char *
st_family(const struct dc_style *s, const char *fam)
{
	int	 i, hop;

	if (fam == NULL)
		return NULL;
	for (hop = 0; hop < 2; hop++) {
		if (!g_str_has_prefix(fam, ST_ALIAS))
			return fam;
		for (i = 0; i < DC_STYLE_FONTS; i++)
			if (strcmp(fam + strlen(ST_ALIAS),
			    st_font_keys[i]) == 0)
				break;
		if (i == DC_STYLE_FONTS)
			return fam;
		if (hop == 1 || strcmp(s->fonts[i], fam) == 0)
			return dc_fonts_family((enum dc_font_role)i);
		fam = s->fonts[i];
	}
	return fam;
}

/*
 * Find every face's families among the installed fonts (after
 * --font-dir).  Returns 0, or -1 after naming the family asked for and
 * what fontconfig has instead (a system error: exit 3).
 */
int
dc_style_resolve(struct dc_style *s)
{
	struct dc_face	*f;
	const char	*fam;
	char		*found = NULL;
	const char	*was = dc_msg_file();
	int		 i, k, j, rc = -1;

	G_LOCK(st_lock);
	if (s->resolved) {
		rc = 0;
		goto out;
	}
	if (dc_fonts_init() == -1)
		goto out;
	/* Only a style file's resolving names it (the built-in one is
	 * resolved while an input is being converted). */
	if (s->file != NULL)
		dc_msg_set_file(s->file);
	/* [fonts] first: its line is the one to name. */
	for (i = 0; i < DC_STYLE_FONTS; i++) {
		fam = s->fonts[i];
		if (g_str_has_prefix(fam, ST_ALIAS) ||
		    dc_fonts_find(fam, &found) == 0)
			continue;
		dc_msg(DC_ERR_FONT, s->fonts_line[i], 0, "\"%s\" ([fonts] "
		    "%s): fontconfig has %s%s%s instead; install it, or "
		    "give its directory with --font-dir", fam,
		    st_font_keys[i], found != NULL ? "\"" : "no font",
		    found != NULL ? found : "", found != NULL ? "\"" : "");
		goto out;
	}
	for (i = 0; i < DC_SR__MAX; i++)
		for (k = 0; k < 2; k++) {
			f = k == 0 ? &s->role[i].font : &s->role[i].lead;
			for (j = 0; j < 2; j++) {
				fam = st_family(s, f->fam[j]);
				if (fam != NULL && (strcmp(fam, f->fam[j]) !=
				    0 || dc_fonts_find(fam, &found) == 0)) {
					g_free(f->real[j]);
					f->real[j] = g_strdup(fam);
					continue;
				}
				dc_msg(DC_ERR_FONT, f->line, 0, "\"%s\" ([%s] "
				    "%s): fontconfig has %s%s%s instead; "
				    "install it, or give its directory with "
				    "--font-dir", f->fam[j], st_roles[i].group,
				    k == 0 ? "font" : "lead-font", found !=
				    NULL ? "\"" : "no font", found != NULL ?
				    found : "", found != NULL ? "\"" : "");
				goto out;
			}
		}
	s->resolved = 1;
	rc = 0;
out:
	/* The input being converted is named again. */
	if (s->file != NULL)
		dc_msg_set_file(was);
	G_UNLOCK(st_lock);
	g_free(found);
	return rc;
}

/* A number as short as it can be written and read back the same. */
static char *
st_num(double d)
{
	char	 buf[G_ASCII_DTOSTR_BUF_SIZE], fmt[8];
	int	 prec;

	for (prec = 1; prec <= 17; prec++) {
		g_snprintf(fmt, sizeof(fmt), "%%.%dg", prec);
		g_ascii_formatd(buf, sizeof(buf), fmt, d);
		if (g_ascii_strtod(buf, NULL) == d && strchr(buf, 'e') == NULL)
			break;
	}
	return g_strdup(buf);
}

static void
st_print_len(FILE *f, const char *key, const struct dc_len *l)
{
	static const char *const unit[] = { "%", "mm", "pt" };
	char	*n;

	n = st_num(l->v);
	fprintf(f, "%s = %s%s\n", key, n, unit[l->unit]);
	g_free(n);
}

/*
 * --print-style: the built-in style as a style file, every key with
 * its value and a comment on what it allows; loaded back with --style
 * it gives the same output.
 */
void
dc_style_print(FILE *f)
{
	const struct dc_style *s = dc_style_builtin();
	const struct dc_srstyle *r;
	const char	*fam;
	char		*n;
	int		 i;

	fputs("# docconv style file (docconv --style FILE): the built-in "
	    "style.\n"
	    "# Each key may be left out; what is left out keeps the value "
	    "shown.\n"
	    "# Lengths: N% (of the paper, or of the text block for the "
	    "gutter),\n# Nmm or Npt.\n\n", f);
	fputs("[page]\n"
	    "# a6, a5, a4, b6, b5, letter or WxHmm (70 to 1000 mm); --paper "
	    "overrides it.\n", f);
	fprintf(f, "paper = %s\n", s->paper);
	fputs("# Margins: inner and outer of the paper's width, top and "
	    "bottom of\n# its height (odd pages have the inner margin on "
	    "the left).\n", f);
	st_print_len(f, "inner", &s->inner);
	st_print_len(f, "outer", &s->outer);
	st_print_len(f, "top", &s->top);
	st_print_len(f, "bottom", &s->bottom);
	fputs("# --layout columns: the Chinese column's share of the width "
	    "(between\n# 0 and 1), or auto to have both columns end "
	    "together; the gutter\n# between them.\n", f);
	fputs("columns = auto\n", f);
	st_print_len(f, "gutter", &s->gutter);
	fputs("# Titles above the text block: true or false.\n", f);
	fprintf(f, "running-head = %s\n", s->running_head ? "true" :
	    "false");
	fputs("# Page numbers: head-outer, head-inner, head-center, "
	    "foot-outer,\n# foot-inner, foot-center or none.\n", f);
	fprintf(f, "folio = %s\n\n", st_folio_names[s->folio]);

	fputs("[text]\n# Space between pairs, in Chinese body lines.\n", f);
	n = st_num(s->space);
	fprintf(f, "space = %s\n", n);
	g_free(n);
	fputs("# Paragraph indents, in sizes of the text (English is "
	    "indented only\n# after another paragraph).\n", f);
	n = st_num(s->indent[DC_LANG_ZH]);
	fprintf(f, "indent-zh = %s\n", n);
	g_free(n);
	n = st_num(s->indent[DC_LANG_EN]);
	fprintf(f, "indent-en = %s\n", n);
	g_free(n);
	fputs("# English hyphenation (libhyphen): true or false.\n", f);
	fprintf(f, "hyphenation = %s\n", s->hyphenate ? "true" :
	    "false");
	fputs("# A closing mark ending a justified Chinese line: compress "
	    "(to half\n# width, the line flush with the column) or hang "
	    "(past the column).\n", f);
	fprintf(f, "punctuation = %s\n\n", s->hang ? "hang" : "compress");

	fputs("[fonts]\n# The families the faces below name as "
	    "docconv-zh-body, docconv-zh-head,\n# docconv-en-body and "
	    "docconv-en-head.  A family is looked up in\n# docconv's "
	    "fonts-config/, then in each --font-dir, then among the "
	    "system's\n# fonts.  docconv-X itself is fonts-config/'s "
	    "choice (docconv --list-fonts).\n", f);
	for (i = 0; i < DC_STYLE_FONTS; i++) {
		fam = dc_fonts_family((enum dc_font_role)i);
		fprintf(f, "# %s%s%s\n", st_font_what[i], fam != NULL ?
		    ": here " : "", fam != NULL ? fam : "");
		fprintf(f, "%s = %s\n", st_font_keys[i], s->fonts[i]);
	}

	fputs("\n# Paragraph styles.  font and lead-font (the run-in lead, "
	    "a turn's\n# speaker label) are Pango font descriptions: "
	    "FAMILY[,FALLBACK] [WEIGHT]\n# [SIZE], e.g. \"Noto Serif CJK SC "
	    "Bold 10.5\"; the fallback sets the other\n# script (Latin in "
	    "Chinese text, Han in English).  size: points (4 to\n# 72), or "
	    "a factor of a body size (1.25 zh-body); the Chinese body's "
	    "is\n# auto, 9 pt on A5 growing to 10.5 pt on A4.  leading: "
	    "baseline to\n# baseline, a factor of the size (0.8 to 4) or "
	    "points (15pt).\n", f);
	for (i = 0; i < DC_SR__MAX; i++) {
		r = &s->role[i];
		fprintf(f, "\n[%s]\n# %s\n", st_roles[i].group,
		    st_roles[i].what);
		fprintf(f, "font = %s\nlead-font = %s\n", r->font.desc,
		    r->lead.desc);
		n = st_num(r->size);
		if (r->base == DC_BASE_PAPER)
			fputs("size = auto\n", f);
		else if (r->base == DC_BASE_PT)
			fprintf(f, "size = %spt\n", n);
		else
			fprintf(f, "size = %s %s\n", n,
			    st_roles[r->base].group);
		g_free(n);
		n = st_num(r->leading);
		fprintf(f, "leading = %s%s\n", n, r->leading_pt ? "pt" : "");
		g_free(n);
	}
}
