/*
 * UTF-8 and script helpers: the language of a character or a line,
 * punctuation classes, and re-joining the tokens of segmented text.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"
#include "utf8.h"

/*
 * The language a character's script belongs to: DC_LANG_ZH for Han
 * and the scripts that appear in Chinese text (Bopomofo, kana),
 * DC_LANG_EN for Latin letters, -1 for script-neutral characters
 * (digits, punctuation, spaces, symbols).  Full-width Latin letters
 * are neutral: they occur inside Chinese text, not English.
 */
int
dc_char_script_lang(unsigned int c)
{
	/*
	 * ASCII and the CJK Unified Ideographs first: nearly every
	 * character, and g_unichar_get_script() searches a table (its
	 * scripts for these checked against it code point by code point).
	 */
	if (c < 0x80)
		return g_ascii_isalpha(c) ? DC_LANG_EN : -1;
	if (c >= 0x4E00 && c <= 0x9FEF)
		return DC_LANG_ZH;
	if (c >= 0xFF01 && c <= 0xFF5E)
		return -1;
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_BOPOMOFO:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
		return DC_LANG_ZH;
	case G_UNICODE_SCRIPT_LATIN:
		return DC_LANG_EN;
	default:
		return -1;
	}
}

/*
 * The language of a run of UTF-8 text by its letters: Chinese when it
 * has Han characters and they are not far outnumbered by Latin letters
 * (a Han character is a word, an English word is about five letters)
 * or when it starts in Chinese and its Latin words are few; English
 * when it has Latin letters only or mostly, -1 when it has no
 * letters of either (digits and punctuation only).
 */
int
dc_text_lang(const char *s, size_t len)
{
	const char	*p, *end = s + len;
	size_t		 han = 0, latin = 0, words = 0, lower = 0, mark = 0;
	gunichar	 c;
	int		 first = -1, inword = 0, l;

	for (p = s; p < end; ) {
		c = dc_u8_next(&p);
		/* dc_char_script_lang()'s first tests, spared its call */
		if (c < 0x80)
			l = g_ascii_isalpha(c) ? DC_LANG_EN : -1;
		else if (c >= 0x4E00 && c <= 0x9FEF)
			l = DC_LANG_ZH;
		else
			l = dc_char_script_lang(c);
		if (first < 0 && l >= 0)
			first = l;
		switch (l) {
		case DC_LANG_ZH:
			han++;
			inword = 0;
			break;
		case DC_LANG_EN:
			latin++;
			words += !inword;
			lower += !inword && c < 0x80 && g_ascii_islower(c);
			inword = 1;
			break;
		default:
			inword = 0;
			/* Marks only Chinese writes: 《》「」、，。 */
			mark += (c >= 0x3001 && c <= 0x303F) || c == 0xFF0C ||
			    c == 0xFF1A || c == 0xFF1B || c == 0xFF01 ||
			    c == 0xFF1F;
			break;
		}
	}
	if (han == 0 && latin == 0)
		return -1;
	if (han > 0 && han * 4 >= latin)
		return DC_LANG_ZH;
	/* A line that starts in Chinese is Chinese unless its Latin
	 * words clearly outnumber its Han characters (markup, names). */
	if (han > 0 && first == DC_LANG_ZH && han * 2 >= words)
		return DC_LANG_ZH;
	/* Chinese that opens with a name ("Nelson Mandela 有两个"): its
	 * Latin words are all capitalised, as an English sentence's
	 * never are (it has "a", "the", "of"), and no more than its Han
	 * characters. */
	if (han >= 2 && lower == 0 && han >= words)
		return DC_LANG_ZH;
	/* Or a title in Chinese marks round a name ("Beatles的《Hey
	 * Jude》"): its marks count with its Han characters. */
	if (han >= 1 && mark >= 1 && lower == 0 && han + mark >= 2 &&
	    han + mark >= words)
		return DC_LANG_ZH;
	return DC_LANG_EN;
}

/*
 * Characters that may not begin a line (clreq, "行首禁则").
 */
int
dc_is_closing_punct(unsigned int c)
{
	static const gunichar set[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
		0xFF09, 0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015,
		0x3017, 0x201D, 0x2019, 0x2026, 0x2025, 0x00B7, 0x30FB,
		0xFF0E, 0xFF3D, 0xFF5D, ',', '.', ';', ':', '?', '!', ')',
		']', '}', 0x3003, 0x301E, 0
	};
	int	 i;

	for (i = 0; set[i] != 0; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

/*
 * Characters that may not end a line.
 */
int
dc_is_opening_punct(unsigned int c)
{
	static const gunichar set[] = {
		0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3014,
		0x3016, 0x201C, 0x2018, 0xFF3B, 0xFF5B, '(', '[', '{',
		0x301D, 0
	};
	int	 i;

	for (i = 0; set[i] != 0; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

/* A token is "Latin" if it has Latin letters or digits and no Chinese
 * characters ("SCO", "2020", "H.E.", "COVID-19"): two such tokens side
 * by side had a real space between them. */
static int
tok_latin(const char *t)
{
	const char	*p;
	gunichar	 c;
	int		 latin = 0;

	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		switch (dc_char_script_lang(c)) {
		case DC_LANG_ZH:
			return 0;
		case DC_LANG_EN:
			latin = 1;
			break;
		default:
			if (c < 0x80 && g_ascii_isdigit(c))
				latin = 1;
			break;
		}
	}
	return latin;
}

/*
 * Join the tokens below a DC_SEG (its DC_SENT children and their
 * DC_W/DC_PC tokens) into running text: no space between tokens but
 * one ASCII space between two Latin or digit tokens (see tok_latin()).
 * Returns a newly allocated string (g_free()).
 */
char *
dc_tokens_join(const struct dc_node *seg)
{
	const struct dc_node	*s, *w;
	GString			*b;
	const char		*prev = NULL;

	b = g_string_new(NULL);
	for (s = seg->child; s != NULL; s = s->next)
		for (w = s->child; w != NULL; w = w->next) {
			if (w->text == NULL)
				continue;
			if (prev != NULL && tok_latin(prev) &&
			    tok_latin(w->text))
				g_string_append_c(b, ' ');
			g_string_append(b, w->text);
			prev = w->text;
		}
	return g_string_free(b, FALSE);
}

/*
 * Frequent characters written one way in Simplified Chinese and
 * another in Traditional (们/們, 这/這, 国/國 ...), none of them used in
 * the other script: a text's script is told by which set it draws on.
 * All in U+4E00-U+9FFF (text_map).
 */
static const gunichar text_hans[] = {
	0x4E0E, 0x4E13, 0x4E1A, 0x4E1C, 0x4E2A, 0x4E3A, 0x4E48, 0x4E49,
	0x4E60, 0x4E66, 0x4EA7, 0x4EB2, 0x4ECE, 0x4EEC, 0x4EF7, 0x4F1A,
	0x4F20, 0x4F53, 0x5173, 0x519C, 0x529E, 0x52A1, 0x52A8, 0x533A,
	0x534E, 0x5386, 0x53D1, 0x53F7, 0x542C, 0x5458, 0x56E2, 0x56FD,
	0x573A, 0x575A, 0x5904, 0x590D, 0x5934, 0x5B66, 0x5B9E, 0x5BF9,
	0x5BFC, 0x5C06, 0x5C42, 0x5C81, 0x5E94, 0x5F00, 0x5F53, 0x6001,
	0x603B, 0x6218, 0x62A5, 0x65E0, 0x65F6, 0x672F, 0x673A, 0x6742,
	0x6743, 0x6761, 0x6765, 0x6784, 0x6837, 0x6C14, 0x6D4E, 0x70B9,
	0x70ED, 0x73AF, 0x73B0, 0x7535, 0x786E, 0x79EF, 0x7C7B, 0x7EA7,
	0x7EBF, 0x7EC4, 0x7EC7, 0x7ECF, 0x7ED3, 0x7EDF, 0x7F51, 0x89C1,
	0x89C2, 0x8BA4, 0x8BA9, 0x8BAE, 0x8BB0, 0x8BB2, 0x8BBA, 0x8BBE,
	0x8BDD, 0x8BED, 0x8BF4, 0x8C22, 0x8D23, 0x8D28, 0x8D39, 0x8D44,
	0x8F66, 0x8F6C, 0x8FB9, 0x8FBE, 0x8FC7, 0x8FD0, 0x8FD8, 0x8FD9,
	0x8FDB, 0x8FDE, 0x9009, 0x957F, 0x95E8, 0x95EE, 0x95F4, 0x961F,
	0x9645, 0x96BE, 0x9886, 0x9898
};

static const gunichar text_hant[] = {
	0x4F86, 0x500B, 0x5011, 0x50B3, 0x50F9, 0x52D5, 0x52D9, 0x5340,
	0x54E1, 0x554F, 0x570B, 0x5718, 0x5805, 0x5831, 0x5834, 0x5B78,
	0x5BE6, 0x5C07, 0x5C08, 0x5C0D, 0x5C0E, 0x5C64, 0x5F9E, 0x614B,
	0x61C9, 0x6230, 0x6642, 0x66F8, 0x6703, 0x6771, 0x689D, 0x696D,
	0x69CB, 0x6A23, 0x6A5F, 0x6B0A, 0x6B72, 0x6B77, 0x6C23, 0x6FDF,
	0x70BA, 0x7121, 0x71B1, 0x73FE, 0x74B0, 0x7522, 0x7576, 0x767C,
	0x78BA, 0x7A4D, 0x7D1A, 0x7D44, 0x7D50, 0x7D71, 0x7D93, 0x7DB2,
	0x7DDA, 0x7E3D, 0x7E54, 0x7FA9, 0x7FD2, 0x807D, 0x8207, 0x83EF,
	0x8655, 0x865F, 0x8853, 0x8907, 0x898B, 0x89AA, 0x89C0, 0x8A18,
	0x8A2D, 0x8A71, 0x8A8D, 0x8A9E, 0x8AAA, 0x8AD6, 0x8B1B, 0x8B1D,
	0x8B70, 0x8B93, 0x8CAC, 0x8CBB, 0x8CC7, 0x8CEA, 0x8ECA, 0x8F49,
	0x8FA6, 0x8FB2, 0x9019, 0x9023, 0x9032, 0x904B, 0x904E, 0x9054,
	0x9078, 0x9084, 0x908A, 0x9577, 0x9580, 0x958B, 0x9593, 0x95DC,
	0x968A, 0x969B, 0x96DC, 0x96E3, 0x96FB, 0x9818, 0x982D, 0x984C,
	0x985E, 0x9AD4, 0x9EBC, 0x9EDE
};

/* Which of the two sets each character of U+4E00-U+9FFF is in: 1
 * text_hans, 2 text_hant, else 0.  A look-up per character where two
 * binary searches were a twentieth of a TEI's time. */
#define TEXT_MAP_LO	0x4E00
#define TEXT_MAP_HI	0x9FFF
static unsigned char	 text_map[TEXT_MAP_HI - TEXT_MAP_LO + 1];

static gpointer
text_map_build(gpointer unused)
{
	size_t	 i;

	(void)unused;
	for (i = 0; i < G_N_ELEMENTS(text_hant); i++)
		text_map[text_hant[i] - TEXT_MAP_LO] = 2;
	for (i = 0; i < G_N_ELEMENTS(text_hans); i++)
		text_map[text_hans[i] - TEXT_MAP_LO] = 1;
	return NULL;
}

/*
 * Count the Simplified-only and Traditional-only characters of a
 * UTF-8 string into *hans and *hant.
 */
void
dc_text_script_count(const char *s, size_t *hans, size_t *hant)
{
	static GOnce	 once = G_ONCE_INIT;
	const char	*p;
	gunichar	 c;

	g_once(&once, text_map_build, NULL);
	for (p = s; *p != '\0'; ) {
		if ((unsigned char)*p < 0xE4) {
			p++;	/* below U+4E00, or inside a character */
			continue;
		}
		c = dc_u8_next(&p);
		if (c < TEXT_MAP_LO || c > TEXT_MAP_HI)
			continue;
		switch (text_map[c - TEXT_MAP_LO]) {
		case 1:
			(*hans)++;
			break;
		case 2:
			(*hant)++;
			break;
		default:
			break;
		}
	}
}

/*
 * Is c a character no reader puts in the model: the text reader
 * (input.c) removes C0 controls but tab (a CR ends a line), DEL, the C1
 * controls, U+FFFE and U+FFFF; the TEI and JSON readers, which can
 * be given them as references or escapes, remove these and the newline
 * aside.
 */
int
dc_is_removed(unsigned int c)
{
	return (c < 0x20 && c != '\t' && c != '\n') ||
	    (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

/*
 * A user's value (--title, --author, --place, --date) as a reader
 * would leave it: a copy without the characters no reader keeps
 * (dc_is_removed(), and newlines: a value is one line), trimmed.
 * NULL if nothing is left.
 */
char *
dc_text_cleaned(const char *s)
{
	GString		*b = g_string_sized_new(strlen(s));
	unsigned int	 c;

	for (; *s != '\0'; s = g_utf8_next_char(s))
		if (!dc_is_removed(c = g_utf8_get_char(s)) && c != '\n')
			g_string_append_len(b, s, g_utf8_next_char(s) - s);
	g_strstrip(b->str);
	if (*b->str == '\0') {
		g_string_free(b, TRUE);
		return NULL;
	}
	return g_string_free(b, FALSE);
}

/*
 * Is c white space that a line's edges lose: ASCII and ideographic
 * spaces, tabs, no-break and other fixed spaces, BOM and zero-width
 * space?  (The lines' indent counts these.)
 */
int
dc_is_edge_space(unsigned int c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 ||
	    c == 0xFEFF || c == 0x2002 || c == 0x2003 || c == 0x2009 ||
	    c == 0x200B;
}

/*
 * The language to file a text under in a document whose languages are
 * langs (bits 1 << dc_lang): that of its script, or, for a text with
 * no letters of either ("2020", "…"), the document's first language.
 * Never -1: metadata such as a title given as digits is still kept.
 */
enum dc_lang
dc_text_lang_in(const char *s, unsigned int langs)
{
	int	 l = s != NULL ? dc_text_lang(s, strlen(s)) : -1;

	if (l >= 0)
		return (enum dc_lang)l;
	return (langs & (1u << DC_LANG_ZH)) || langs == 0 ? DC_LANG_ZH :
	    DC_LANG_EN;
}
