/*
 * The publisher's metadata: the keys of --meta KEY=VALUE and of the
 * KEY=VALUE lines of a FILE.meta sidecar or --meta-file, each value
 * checked (an address, an ISBN, a language tag) and put beside what
 * the reader found; and dc_meta_set(), with which every reader and
 * model.c set a metadata string (model.c calls this file, never the
 * other way).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

/* Longest value, in bytes: a licence's text fits; a book does not. */
#define PUB_VALUE_MAX	4096

/* Key names, by dc_pub; then the other names a user may write. */
static const char *const pub_names[DC_PUB__MAX] = {
	[DC_PUB_PUBLISHER] = "publisher",
	[DC_PUB_RIGHTS] = "rights",
	[DC_PUB_SOURCE] = "source",
	[DC_PUB_EDITOR] = "editor",
	[DC_PUB_TRANSLATOR] = "translator",
	[DC_PUB_SERIES] = "series",
	[DC_PUB_ISBN] = "isbn",
	[DC_PUB_LANG_ZH] = "lang-zh",
	[DC_PUB_LANG_EN] = "lang-en",
	[DC_PUB_SHORT_TITLE] = "short-title",
};
static const struct {
	const char	*name;
	enum dc_pub	 key;
} pub_aliases[] = {
	{ "licence", DC_PUB_RIGHTS },
	{ "license", DC_PUB_RIGHTS },
	{ "url", DC_PUB_SOURCE },
	{ "collection", DC_PUB_SERIES },
};

#define PUB_KEYS "publisher, rights (or licence), source, editor, " \
	"translator, series (or collection), isbn, lang-zh, lang-en " \
	"(or lang-original, lang-translation) or short-title"

/*
 * Replace the string at *p with a copy of s (NULL clears it).
 */
void
dc_meta_set(char **p, const char *s)
{
	char	*old = *p;

	*p = g_strdup(s);
	g_free(old);
}

/*
 * Licences known by their SPDX identifier: such a value becomes a
 * link to the licence (TEI licence/@target, schema.org license); any
 * other value is kept as free text.
 */
static const char *const pub_spdx[] = {
	"CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0",
	"CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0",
	"CC-BY-3.0", "CC-BY-SA-3.0", "CC-BY-NC-3.0", "CC-BY-NC-SA-3.0",
	"CC-BY-ND-3.0", "CC-BY-NC-ND-3.0", "CC-BY-2.0", "CC-BY-SA-2.0",
	"CC-PDDC", "GFDL-1.3-or-later", "GFDL-1.3-only", "MIT",
	"Apache-2.0", "GPL-3.0-or-later", "GPL-2.0-or-later",
	"ODbL-1.0", "PDDL-1.0", "OFL-1.1", "Unlicense",
};

const char *
dc_pub_name(enum dc_pub k)
{
	g_assert(k < DC_PUB__MAX);
	return pub_names[k];
}

/* The key of a name ("licence" too), or DC_PUB__MAX. */
enum dc_pub
dc_pub_from_name(const char *s)
{
	size_t	 i;

	for (i = 0; i < DC_PUB__MAX; i++)
		if (g_ascii_strcasecmp(s, pub_names[i]) == 0)
			return (enum dc_pub)i;
	for (i = 0; i < G_N_ELEMENTS(pub_aliases); i++)
		if (g_ascii_strcasecmp(s, pub_aliases[i].name) == 0)
			return pub_aliases[i].key;
	return DC_PUB__MAX;
}

/*
 * The canonical spelling of an SPDX licence identifier (they compare
 * without case), or NULL if s is none docconv knows.
 */
static const char *
pub_spdx_canon(const char *s)
{
	size_t	 i;

	for (i = 0; i < G_N_ELEMENTS(pub_spdx); i++)
		if (g_ascii_strcasecmp(s, pub_spdx[i]) == 0)
			return pub_spdx[i];
	return NULL;
}

/* Whether s is an SPDX identifier (as dc_pub_set() leaves it). */
int
dc_pub_is_spdx(const char *s)
{
	const char	*c = pub_spdx_canon(s);

	return c != NULL && strcmp(c, s) == 0;
}

/*
 * An ISBN, 10 or 13 digits with hyphens or spaces between, its check
 * digit right: as 13 digits (an ISBN-10 gets the 978 prefix and a
 * new check digit), g_malloc'd; else NULL.
 */
static char *
pub_isbn(const char *s)
{
	char	 d[14];
	size_t	 n = 0, i;
	int	 sum = 0;

	for (; *s != '\0'; s++) {
		if (*s == '-' || *s == ' ')
			continue;
		if (n >= 13 || !(g_ascii_isdigit(*s) ||
		    ((*s == 'X' || *s == 'x') && n == 9)))
			return NULL;
		d[n++] = *s == 'x' ? 'X' : *s;
	}
	d[n] = '\0';
	if (n == 10) {
		for (i = 0; i < 10; i++)
			sum += (int)(10 - i) * (d[i] == 'X' ? 10 : d[i] - '0');
		if (sum % 11 != 0)
			return NULL;
		memmove(d + 3, d, 9);
		memcpy(d, "978", 3);
		d[12] = '\0';	/* the check digit is made anew */
	} else if (n == 13) {
		if (strncmp(d, "978", 3) != 0 && strncmp(d, "979", 3) != 0)
			return NULL;
	} else
		return NULL;
	for (sum = 0, i = 0; i < 12; i++)
		sum += (d[i] - '0') * (i % 2 ? 3 : 1);
	if (d[12] != '\0' && d[12] != (char)('0' + (10 - sum % 10) % 10))
		return NULL;
	d[12] = (char)('0' + (10 - sum % 10) % 10);
	d[13] = '\0';
	return g_strdup(d);
}

/*
 * Whether s is a language tag of primary language lang, in the shape
 * BCP 47 gives (subtags of 1 to 8 letters or digits after hyphens):
 * "zh-Hant-TW", "en-GB".
 */
static int
pub_lang_ok(const char *s, const char *lang)
{
	size_t	 n;

	n = strlen(lang);
	if (g_ascii_strncasecmp(s, lang, n) != 0)
		return 0;
	for (s += n; *s != '\0'; s += n) {
		if (*s++ != '-')
			return 0;
		for (n = 0; g_ascii_isalnum(s[n]); n++)
			continue;
		if (n < 1 || n > 8)
			return 0;
	}
	return 1;
}

/*
 * Which of lang-zh and lang-en a tag given as lang-original= or
 * lang-translation= sets, by its primary language subtag; DC_PUB__MAX
 * if neither.
 */
static enum dc_pub
pub_lang_key(const char *v)
{
	while (g_ascii_isspace(*v))
		v++;
	if (g_ascii_strncasecmp(v, "zh", 2) == 0 && (v[2] == '\0' ||
	    v[2] == '-' || g_ascii_isspace(v[2])))
		return DC_PUB_LANG_ZH;
	if (g_ascii_strncasecmp(v, "en", 2) == 0 && (v[2] == '\0' ||
	    v[2] == '-' || g_ascii_isspace(v[2])))
		return DC_PUB_LANG_EN;
	return DC_PUB__MAX;
}

/*
 * Set the value of key name in vals (by dc_pub) to value, checked and
 * normalised (trimmed; an ISBN as 13 digits; an SPDX id spelt as
 * SPDX does).  Returns 0, or -1 with *err a message saying what is
 * allowed (g_free()).
 */
int
dc_pub_set(char **vals, const char *name, const char *value, char **err)
{
	enum dc_pub	 k;
	const char	*p, *canon;
	char		*v = NULL, *shown = NULL;
	int		 rc = -1;

	*err = NULL;
	if (strcmp(name, "lang-original") == 0 ||
	    strcmp(name, "lang-translation") == 0) {
		/* A translator's words for the same two keys: the tag's
		 * own primary language says which. */
		if ((k = pub_lang_key(value)) == DC_PUB__MAX) {
			shown = dc_msg_value(value);
			*err = g_strdup_printf("%s: '%s' is not a language "
			    "tag of Chinese or English, the languages docconv "
			    "reads (BCP 47, e.g. zh-CN, zh-TW, en-GB)", name,
			    shown);
			g_free(shown);
			return -1;
		}
	} else if ((k = dc_pub_from_name(name)) == DC_PUB__MAX) {
		shown = dc_msg_value(name);
		*err = g_strdup_printf("unknown key '%s'; the keys are "
		    PUB_KEYS, shown);
		g_free(shown);
		return -1;
	}
	if (!g_utf8_validate(value, -1, NULL)) {
		*err = g_strdup_printf("%s: the value must be UTF-8 text",
		    pub_names[k]);
		return -1;
	}
	v = g_strstrip(g_strdup(value));
	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			break;
	shown = dc_msg_value(v);
	if (*v == '\0' || *p != '\0' || strlen(v) > PUB_VALUE_MAX) {
		*err = g_strdup_printf("%s: give a value of one line, 1 to "
		    "%d bytes, without control characters", pub_names[k],
		    PUB_VALUE_MAX);
		goto out;
	}
	switch (k) {
	case DC_PUB_SOURCE:
		if (!dc_url_ok(v)) {
			*err = g_strdup_printf("source: '%s' is not an "
			    "http://, https://, ftp:// or mailto: address (no "
			    "spaces or quotes; escape them as %%20, %%22)",
			    shown);
			goto out;
		}
		break;
	case DC_PUB_ISBN:
		if ((p = pub_isbn(v)) == NULL) {
			*err = g_strdup_printf("isbn: '%s' is not an ISBN "
			    "(10 or 13 digits, hyphens allowed, with the "
			    "right check digit)", shown);
			goto out;
		}
		g_free(v);
		v = (char *)p;
		break;
	case DC_PUB_LANG_ZH:
	case DC_PUB_LANG_EN:
		if (!pub_lang_ok(v, k == DC_PUB_LANG_ZH ? "zh" : "en")) {
			*err = g_strdup_printf("%s: '%s' is not a language "
			    "tag of %s (BCP 47, e.g. %s)", pub_names[k], shown,
			    k == DC_PUB_LANG_ZH ? "Chinese" : "English",
			    k == DC_PUB_LANG_ZH ? "zh-CN, zh-TW, zh-Hant-HK" :
			    "en-GB, en-US");
			goto out;
		}
		break;
	case DC_PUB_RIGHTS:
		if ((canon = pub_spdx_canon(v)) != NULL) {
			g_free(v);
			v = g_strdup(canon);
		}
		break;
	case DC_PUB_PUBLISHER:
	case DC_PUB_EDITOR:
	case DC_PUB_TRANSLATOR:
	case DC_PUB_SERIES:
	case DC_PUB_SHORT_TITLE:
		break;
	case DC_PUB__MAX:
		abort();
	}
	g_free(vals[k]);
	vals[k] = v;
	v = NULL;
	rc = 0;
out:
	g_free(shown);
	g_free(v);
	return rc;
}

/*
 * Read a key file into vals: KEY=VALUE lines (UTF-8; blanks around
 * the key and value dropped; blank lines and lines starting with #
 * ignored; a later line wins).  A missing file is no error unless
 * must_exist.  Returns 1 if read, 0 if missing, or -1 with *err
 * saying "FILE:LINE: what" (g_free()).
 */
int
dc_pub_read(char **vals, const char *path, int must_exist, char **err)
{
	gchar	*buf = NULL, **lines = NULL, *eq, *msg, *why;
	size_t	 i, len;
	int	 rc = -1;

	*err = NULL;
	if ((rc = dc_side_read(path, DC_SIDE_MAX, must_exist, &buf, &len,
	    &why)) != 1) {
		if (rc == -1)
			*err = g_strdup_printf("%s: %s", path, why);
		g_free(why);
		return rc;
	}
	rc = -1;
	if (memchr(buf, '\0', len) != NULL || !g_utf8_validate(buf, len,
	    NULL)) {
		*err = g_strdup_printf("%s: not a UTF-8 text file of "
		    "KEY=VALUE lines", path);
		goto out;
	}
	/* A UTF-8 byte order mark opens some editors' files. */
	lines = g_strsplit(strncmp(buf, "\xef\xbb\xbf", 3) == 0 ? buf + 3 :
	    buf, "\n", -1);
	for (i = 0; lines[i] != NULL; i++) {
		g_strstrip(lines[i]);	/* a CR of CRLF lines too */
		if (lines[i][0] == '\0' || lines[i][0] == '#')
			continue;
		if ((eq = strchr(lines[i], '=')) == NULL) {
			msg = dc_msg_value(lines[i]);
			*err = g_strdup_printf("%s:%zu: not KEY=VALUE: '%s'; "
			    "the keys are " PUB_KEYS, path, i + 1, msg);
			g_free(msg);
			goto out;
		}
		*eq = '\0';
		g_strstrip(lines[i]);
		if (dc_pub_set(vals, lines[i], eq + 1, &msg) == -1) {
			*err = g_strdup_printf("%s:%zu: %s", path, i + 1, msg);
			g_free(msg);
			goto out;
		}
	}
	rc = 1;
out:
	g_strfreev(lines);
	g_free(buf);
	return rc;
}

/*
 * The sidecar key file of an input: its stem and ".meta" beside it
 * ("a/speech.txt" -> "a/speech.meta"), g_malloc'd; NULL for standard
 * input.
 */
char *
dc_pub_sidecar(const char *in)
{
	char	*dir, *b, *dot, *name, *p;
	size_t	 n;

	if (strcmp(in, "-") == 0)
		return NULL;
	b = g_path_get_basename(in);
	n = strlen(b);
	if (n > 8 && g_ascii_strcasecmp(b + n - 8, ".tei.xml") == 0)
		b[n - 8] = '\0';
	else if ((dot = strrchr(b, '.')) != NULL && dot != b)
		*dot = '\0';
	name = g_strconcat(b, ".meta", NULL);
	dir = g_path_get_dirname(in);
	p = strcmp(dir, ".") == 0 && strncmp(in, "./", 2) != 0 ?
	    g_strdup(name) : g_build_filename(dir, name, NULL);
	g_free(dir);
	g_free(name);
	g_free(b);
	/* "x.meta" given as the input itself is no sidecar of it. */
	if (strcmp(p, in) == 0) {
		g_free(p);
		return NULL;
	}
	return p;
}

/*
 * Before any input is read: the --meta-file must read without error.
 * Prints the error and returns -1 if not (a usage error), else 0.
 */
int
dc_pub_check(const struct dc_opts *o)
{
	char	*vals[DC_PUB__MAX], *err;
	int	 k, rc = 0;

	memset(vals, 0, sizeof(vals));
	if (o->meta_file != NULL &&
	    dc_pub_read(vals, o->meta_file, 1, &err) == -1) {
		dc_msg_usage("--meta-file %s", err);
		g_free(err);
		rc = -1;
	}
	for (k = 0; k < DC_PUB__MAX; k++)
		g_free(vals[k]);
	return rc;
}

/*
 * Before input in is read: its sidecar, if it has one, must read
 * without error.  Returns 0, or -1 after reporting the error as this
 * file's (one bad sidecar refuses only its own input).
 */
int
dc_pub_check_sidecar(const char *in)
{
	char	*vals[DC_PUB__MAX], *err, *side;
	int	 k, rc = 0;

	if ((side = dc_pub_sidecar(in)) == NULL)
		return 0;
	memset(vals, 0, sizeof(vals));
	if (dc_pub_read(vals, side, 0, &err) == -1) {
		dc_msg(DC_ERR_META, 0, 0, "%s", err);
		g_free(err);
		rc = -1;
	}
	for (k = 0; k < DC_PUB__MAX; k++)
		g_free(vals[k]);
	g_free(side);
	return rc;
}

/*
 * Give a parsed document the publisher's metadata for input in (NULL:
 * none, no sidecar): the --meta-file or the input's sidecar, then
 * --meta over them.  An error (a sidecar changed since
 * dc_pub_check()) is an input error.
 */
void
dc_pub_apply(struct dc_doc *d, const struct dc_opts *o, const char *in)
{
	char	*vals[DC_PUB__MAX], *side = NULL, *err;
	int	 k;

	memset(vals, 0, sizeof(vals));
	if (o->meta_file != NULL || (in != NULL &&
	    (side = dc_pub_sidecar(in)) != NULL)) {
		if (dc_pub_read(vals, o->meta_file != NULL ? o->meta_file :
		    side, o->meta_file != NULL, &err) == -1) {
			dc_msg(DC_ERR_INPUT, 0, 0, "%s", err);
			g_free(err);
		}
	}
	g_free(side);
	for (k = 0; k < DC_PUB__MAX; k++) {
		if (o->meta[k] != NULL)
			dc_meta_set(&vals[k], o->meta[k]);
		/* A value the input carried (JSON) stays unless given. */
		if (vals[k] == NULL)
			continue;
		g_free(d->meta.pub[k]);
		d->meta.pub[k] = vals[k];
	}
}

/* The editor: the user's, else the one the text names. */
const char *
dc_meta_editor(const struct dc_meta *m)
{
	return m->pub[DC_PUB_EDITOR] != NULL ? m->pub[DC_PUB_EDITOR] :
	    m->editor;
}

/*
 * Whether s is an address that can stand as a pointer as it is: a
 * TEI target, an href in the EPUB and the web page, the package's
 * and the PDF's dc:source, JSON-LD's isBasedOn, --meta source.  One
 * rule for all, so that no output links what another leaves as text:
 * an absolute http://, https:// or ftp:// URL with something after
 * the slashes, or mailto: with an address; non-ASCII characters are
 * allowed (an IRI, RFC 3987, as the text gives it), but no space,
 * control character, quote or other character a URL must escape.
 * Any other scheme (javascript:, data:, file:) stays text.
 */
int
dc_url_ok(const char *s)
{
	static const char *const schemes[] = { "http://", "https://",
	    "ftp://", "mailto:" };
	const char	*p;
	gunichar	 c;
	size_t		 i;

	if (s == NULL || !g_utf8_validate(s, -1, NULL))
		return 0;
	for (i = 0; i < G_N_ELEMENTS(schemes); i++)
		if (g_ascii_strncasecmp(s, schemes[i],
		    strlen(schemes[i])) == 0)
			break;
	if (i == G_N_ELEMENTS(schemes))
		return 0;
	/* A host after the slashes; after mailto: (the one scheme
	 * ending in ':') someone at a host. */
	p = s + strlen(schemes[i]);
	if (*p == '\0' || *p == '/' || (p[-1] == ':' &&
	    strchr(p + 1, '@') == NULL))
		return 0;
	for (p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c <= ' ' || (c >= 0x7f && c <= 0x9f) ||
		    g_unichar_isspace(c) || (c < 0x80 &&
		    strchr("\"<>\\^`{|}", (int)c) != NULL))
			return 0;
	}
	return 1;
}

/*
 * The addresses the text came from, NULL-terminated: the user's
 * source (in one[0]), else the ones the text gives.
 */
const char *const *
dc_meta_urls(const struct dc_meta *m, const char **one)
{
	static const char *const none[1] = { NULL };

	if (m->pub[DC_PUB_SOURCE] != NULL) {
		one[0] = m->pub[DC_PUB_SOURCE];
		one[1] = NULL;
		return one;
	}
	return m->urls != NULL ? (const char *const *)m->urls : none;
}
