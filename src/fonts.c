/*
 * Font roles: load fonts-config/docconv.conf into a private FcConfig
 * and resolve each role's alias to one installed face.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib.h>

#include "docconv.h"
#include "fonts.h"

/* What we know of one role after dc_fonts_init(). */
struct fonts_role {
	const char	*alias;		/* family alias in docconv.conf */
	const char	*desc;		/* for --list-fonts and errors */
	char		*family;	/* family that serves it, owned */
	char		*file;		/* its file, owned */
	int		 index;		/* face index in that file */
};

static struct fonts_role fonts_roles[DC_FONT__MAX] = {
	[DC_FONT_ZH_BODY] = {
	    "docconv-zh-body", "Chinese body", NULL, NULL, 0 },
	[DC_FONT_ZH_HEAD] = {
	    "docconv-zh-head", "Chinese heading", NULL, NULL, 0 },
	[DC_FONT_EN_BODY] = {
	    "docconv-en-body", "English body", NULL, NULL, 0 },
	[DC_FONT_EN_HEAD] = {
	    "docconv-en-head", "English heading", NULL, NULL, 0 },
};

/* Debian packages of the families docconv.conf may name. */
static const struct {
	const char	*prefix;	/* family name prefix */
	const char	*package;	/* Debian package */
} fonts_pkgs[] = {
	{ "Noto Serif CJK", "fonts-noto-cjk" },
	{ "Noto Sans CJK", "fonts-noto-cjk" },
	{ "Linux Libertine", "fonts-linuxlibertine" },
	{ "Linux Biolinum", "fonts-linuxlibertine" },
	{ "EB Garamond", "fonts-ebgaramond" },
};

static FcConfig	*fonts_cfg;	/* private configuration, or NULL */
static int	 fonts_state;	/* 0 not tried, 1 loaded, -1 failed */
static GPtrArray *fonts_dirs;	/* --font-dir, in order, or NULL */

/*
 * dc_fonts_face()'s answers: "weight:family" -> "index:file" ("" if
 * none), emptied when dc_fonts_find() adds faces.  The typesetter
 * asks for each style's family at each size, and each match was half
 * a millisecond of a one-page PDF's startup.
 */
static GHashTable	*fonts_memo;
G_LOCK_DEFINE_STATIC(fonts_memo);

static const char *
fonts_package(const char *family)
{
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(fonts_pkgs); i++)
		if (g_str_has_prefix(family, fonts_pkgs[i].prefix))
			return fonts_pkgs[i].package;
	return "a package providing it";
}

/*
 * Resolve one role: substitute its alias, which puts the preferred
 * families first, and accept the match only if it is one of them
 * (fontconfig would otherwise hand back any face at all).  Returns 0,
 * or -1 after naming the first preferred family and its package.
 */
static int
fonts_resolve(struct fonts_role *r)
{
	FcPattern	*pat = NULL, *match = NULL;
	FcResult	 res;
	FcChar8		*fam, *got = NULL, *file;
	const char	*want = NULL;
	int		 i, ok = 0, rc = -1, idx = 0;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)r->alias);
	FcConfigSubstitute(fonts_cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(fonts_cfg, pat, &res);
	if (match != NULL)
		FcPatternGetString(match, FC_FAMILY, 0, &got);
	for (i = 0; FcPatternGetString(pat, FC_FAMILY, i, &fam) ==
	    FcResultMatch; i++) {
		if (strcmp((const char *)fam, r->alias) == 0)
			break;
		if (want == NULL)
			want = (const char *)fam;
		if (got != NULL && strcmp((const char *)got,
		    (const char *)fam) == 0)
			ok = 1;
	}
	if (want == NULL) {
		dc_msg_sys("font role %s: not defined in docconv.conf",
		    r->alias);
		goto out;
	}
	if (!ok || FcPatternGetString(match, FC_FILE, 0, &file) !=
	    FcResultMatch) {
		dc_msg_sys("font \"%s\" (%s) is not installed; install the "
		    "Debian package %s", want, r->desc, fonts_package(want));
		goto out;
	}
	FcPatternGetInteger(match, FC_INDEX, 0, &idx);
	r->family = g_strdup((const char *)got);
	r->file = g_strdup((const char *)file);
	r->index = idx;
	rc = 0;
out:
	if (match != NULL)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return rc;
}

/*
 * Load the configuration once; later calls return the first result.
 */
int
dc_fonts_init(void)
{
	char	*path = NULL;
	int	 i;

	if (fonts_state != 0)
		return fonts_state > 0 ? 0 : -1;
	fonts_state = -1;
	/* No FcInit(): the private configuration is all we use, and the
	 * default one would only cost time (and leak at exit). */
	path = dc_data_path("fonts-config/docconv.conf");
	fonts_cfg = FcConfigCreate();
	if (!FcConfigParseAndLoad(fonts_cfg, (const FcChar8 *)path,
	    FcTrue)) {
		dc_msg_sys("%s: cannot load the font configuration", path);
		goto out;
	}
	if (!FcConfigBuildFonts(fonts_cfg)) {
		dc_msg_sys("fontconfig: cannot build the font list");
		goto out;
	}
	/* After docconv's own: the roles still prefer those. */
	for (i = 0; fonts_dirs != NULL && i < (int)fonts_dirs->len; i++)
		if (!FcConfigAppFontAddDir(fonts_cfg, (const FcChar8 *)
		    g_ptr_array_index(fonts_dirs, i))) {
			dc_msg_sys("--font-dir %s: cannot read its fonts",
			    (const char *)g_ptr_array_index(fonts_dirs, i));
			goto out;
		}
	for (i = 0; i < DC_FONT__MAX; i++)
		if (fonts_resolve(&fonts_roles[i]) == -1)
			goto out;
	fonts_state = 1;
out:
	g_free(path);
	return fonts_state > 0 ? 0 : -1;
}

const char *
dc_fonts_family(enum dc_font_role r)
{
	if (fonts_state <= 0 || r < 0 || r >= DC_FONT__MAX)
		return NULL;
	return fonts_roles[r].family;
}

const char *
dc_fonts_file(enum dc_font_role r, int *index)
{
	if (fonts_state <= 0 || r < 0 || r >= DC_FONT__MAX)
		return NULL;
	if (index != NULL)
		*index = fonts_roles[r].index;
	return fonts_roles[r].file;
}

/*
 * --font-dir: a directory whose fonts a style file may name, searched
 * after fonts-config/'s (call before dc_fonts_init()).
 */
void
dc_fonts_add_dir(const char *dir)
{
	if (fonts_dirs == NULL)
		fonts_dirs = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(fonts_dirs, g_strdup(dir));
}

/* Does a match carry family among its family names? */
static int
fonts_has_family(FcPattern *m, const char *family)
{
	FcChar8	*f;
	int	 i;

	for (i = 0; m != NULL && FcPatternGetString(m, FC_FAMILY, i, &f) ==
	    FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(f, (const FcChar8 *)family) == 0)
			return 1;
	return 0;
}

/* fontconfig's match in cfg for a family at a weight (0: any). */
static FcPattern *
fonts_match_in(FcConfig *cfg, const char *family, int weight)
{
	FcPattern	*pat, *m;
	FcResult	 res;

	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	if (weight > 0)
		FcPatternAddDouble(pat, FC_WEIGHT,
		    FcWeightFromOpenTypeDouble((double)weight));
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(cfg, pat, &res);
	FcPatternDestroy(pat);
	return m;
}

/*
 * Is a family installed: among docconv's fonts, a --font-dir's, or
 * the system's (whose faces of it are then added to docconv's
 * configuration)?  Returns 0; or -1 with what fontconfig gives
 * instead in *found (g_malloc'd, or NULL when fontconfig gives
 * nothing).
 */
int
dc_fonts_find(const char *family, char **found)
{
	FcConfig	*sys;
	FcPattern	*m, *pat;
	FcObjectSet	*os;
	FcFontSet	*fs;
	FcChar8		*s;
	int		 i, rc = -1;

	*found = NULL;
	if (dc_fonts_init() == -1)
		return -1;
	m = fonts_match_in(fonts_cfg, family, 0);
	if (fonts_has_family(m, family)) {
		FcPatternDestroy(m);
		return 0;
	}
	if (m != NULL && FcPatternGetString(m, FC_FAMILY, 0, &s) ==
	    FcResultMatch)
		*found = g_strdup((const char *)s);
	if (m != NULL)
		FcPatternDestroy(m);
	if ((sys = FcInitLoadConfigAndFonts()) == NULL)
		return -1;
	pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	fs = FcFontList(sys, pat, os);
	for (i = 0; fs != NULL && i < fs->nfont; i++)
		if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &s) ==
		    FcResultMatch && FcConfigAppFontAddFile(fonts_cfg, s))
			rc = 0;
	if (fs != NULL)
		FcFontSetDestroy(fs);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	FcConfigDestroy(sys);
	if (rc == 0) {
		g_free(*found);
		*found = NULL;
		G_LOCK(fonts_memo);
		if (fonts_memo != NULL)
			g_hash_table_remove_all(fonts_memo);
		G_UNLOCK(fonts_memo);
	}
	return rc;
}

/*
 * The installed face fontconfig gives for a family at an OpenType
 * weight (400 regular, 500 medium, 700 bold): its file, g_malloc'd,
 * and face index; or NULL.
 */
char *
dc_fonts_face(const char *family, int weight, int *index)
{
	FcPattern	*m;
	FcChar8		*file;
	char		*path = NULL, *key, *v;

	if (dc_fonts_init() == -1 || family == NULL)
		return NULL;
	key = g_strdup_printf("%d:%s", weight, family);
	G_LOCK(fonts_memo);
	if (fonts_memo != NULL &&
	    (v = g_hash_table_lookup(fonts_memo, key)) != NULL) {
		if (*v != '\0') {
			*index = atoi(v);
			path = g_strdup(strchr(v, ':') + 1);
		}
		G_UNLOCK(fonts_memo);
		g_free(key);
		return path;
	}
	G_UNLOCK(fonts_memo);
	if ((m = fonts_match_in(fonts_cfg, family, weight)) != NULL &&
	    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
		path = g_strdup((const char *)file);
		if (FcPatternGetInteger(m, FC_INDEX, 0, index) !=
		    FcResultMatch)
			*index = 0;
	}
	if (m != NULL)
		FcPatternDestroy(m);
	v = path != NULL ? g_strdup_printf("%d:%s", *index, path) :
	    g_strdup("");
	G_LOCK(fonts_memo);
	if (fonts_memo == NULL)
		fonts_memo = g_hash_table_new_full(g_str_hash, g_str_equal,
		    g_free, g_free);
	g_hash_table_replace(fonts_memo, key, v);
	G_UNLOCK(fonts_memo);
	return path;
}

/* The face of a role's family at an OpenType weight; or NULL. */
char *
dc_fonts_match(enum dc_font_role r, int weight, int *index)
{
	if (dc_fonts_init() == -1 || r < 0 || r >= DC_FONT__MAX)
		return NULL;
	return dc_fonts_face(fonts_roles[r].family, weight, index);
}

int
dc_fonts_list(FILE *f)
{
	int	 i;

	if (dc_fonts_init() == -1)
		return -1;
	for (i = 0; i < DC_FONT__MAX; i++) {
		fprintf(f, "%-16s %s: %s", fonts_roles[i].desc,
		    fonts_roles[i].family, fonts_roles[i].file);
		if (fonts_roles[i].index != 0)
			fprintf(f, " (face %d)", fonts_roles[i].index);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

/*
 * The one way docconv subsets a face (PDF: pdf_glyphs.c; EPUB
 * --embed-fonts: xhtml.c): to what in asks for.  Returns the
 * subset's bytes, or NULL; the plan through *plan if plan is not NULL
 * (its old-to-new glyph mapping is what the PDF paints with; the
 * caller destroys it), else it is destroyed here.
 */
hb_blob_t *
dc_fonts_subset(hb_face_t *face, const hb_subset_input_t *in,
    hb_subset_plan_t **plan)
{
	hb_subset_plan_t	*pl;
	hb_face_t		*sub;
	hb_blob_t		*b;

	if (plan != NULL)
		*plan = NULL;
	if (face == NULL || in == NULL || (pl =
	    hb_subset_plan_create_or_fail(face, in)) == NULL)
		return NULL;
	if ((sub = hb_subset_plan_execute_or_fail(pl)) == NULL) {
		hb_subset_plan_destroy(pl);
		return NULL;
	}
	b = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (hb_blob_get_length(b) == 0) {
		hb_blob_destroy(b);
		hb_subset_plan_destroy(pl);
		return NULL;
	}
	if (plan != NULL)
		*plan = pl;
	else
		hb_subset_plan_destroy(pl);
	return b;
}
