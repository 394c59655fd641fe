/*
 * UTF-8 and script helpers: the language of a character or a line,
 * punctuation classes, and re-joining the tokens of segmented text.
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "docconv.h"

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
	size_t		 han = 0, latin = 0, words = 0;
	gunichar	 c;
	int		 first = -1, inword = 0, l;

	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
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
			inword = 1;
			break;
		default:
			inword = 0;
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
