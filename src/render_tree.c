/*
 * The --dump-model text: metadata, then one line per header line and
 * per block and language; stable and diffable, for tests and users.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

/*
 * Print a text on one line: newlines and backslashes escaped, and any
 * other control character (C0 but tab, DEL, C1) as \xNN, so that no
 * model, however it was read, sends a terminal control.
 */
static void
tree_text(FILE *f, const char *s, size_t len)
{
	size_t		 i;
	unsigned char	 c;

	for (i = 0; i < len && s[i] != '\0'; i++) {
		c = (unsigned char)s[i];
		if (c == '\n')
			fputs("\\n", f);
		else if (c == '\\')
			fputs("\\\\", f);
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			fprintf(f, "\\x%02X", c);
		else if (c == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F)
			fprintf(f, "\\x%02X", (unsigned char)s[++i]);
		else
			fputc(c, f);
	}
}

static void
tree_meta(FILE *f, const char *key, const char *val)
{
	if (val == NULL)
		return;
	fprintf(f, "meta %s: ", key);
	tree_text(f, val, strlen(val));
	fputc('\n', f);
}

/* The tokens of segmented input, one line per sentence. */
static void
tree_tokens(FILE *f, const struct dc_node *s)
{
	const struct dc_node	*t, *w;

	for (t = s->child; t != NULL; t = t->next) {
		fputs("    s", f);
		if (t->text != NULL) {
			/* A tagged corpus's sentence id. */
			fputc('[', f);
			tree_text(f, t->text, strlen(t->text));
			fputc(']', f);
		}
		fputc(':', f);
		for (w = t->child; w != NULL; w = w->next) {
			fputs(w->type == DC_PC ? " |" : " ", f);
			tree_text(f, w->text, strlen(w->text));
			if (w->pos != NULL) {
				fputc('/', f);
				tree_text(f, w->pos, strlen(w->pos));
			}
		}
		fputc('\n', f);
	}
}

static void
tree_seg(FILE *f, const struct dc_node *s)
{

	fprintf(f, "  %s", dc_lang_code(s->lang));
	if (s->spk_len > 0) {
		fputs(" speaker=[", f);
		tree_text(f, s->text, s->spk_len);
		fputc(']', f);
	}
	if (s->enum_len > 0) {
		fputs(" enum=[", f);
		tree_text(f, s->text, s->enum_len);
		fputc(']', f);
	}
	if (s->lead_len > 0) {
		fputs(" lead=[", f);
		tree_text(f, s->text, s->lead_len);
		fputc(']', f);
	}
	fputs(": ", f);
	tree_text(f, s->text, strlen(s->text));
	fputc('\n', f);
	tree_tokens(f, s);
}

/*
 * Print the model of the document to f.  Returns 0, or -1 if writing
 * failed (reported).
 */
int
render_tree(const struct dc_doc *d, const struct dc_opts *o, FILE *f)
{
	const struct dc_meta	*m = &d->meta;
	const struct dc_node	*n, *s;
	char			 key[32];
	int			 i;

	(void)o;
	fprintf(f, "meta dialect: %s\n", dc_dialect_name(m->dialect));
	fputs("meta languages:", f);
	for (i = 0; i < DC_LANG__MAX; i++)
		if (m->langs & (1u << i))
			fprintf(f, " %s", dc_lang_code(i));
	fputc('\n', f);
	if (m->hant)
		fputs("meta zh script: Hant\n", f);
	tree_meta(f, "collection", m->collection);
	tree_meta(f, "date", m->date_iso);
	tree_meta(f, "agency", m->agency);
	tree_meta(f, "reporters", m->reporters);
	tree_meta(f, "source", m->from);
	tree_meta(f, "original title", m->orig_title);
	tree_meta(f, "editor", m->editor);
	for (i = 0; m->urls != NULL && m->urls[i] != NULL; i++)
		tree_meta(f, "url", m->urls[i]);
	for (i = 0; m->nav != NULL && m->nav[i] != NULL; i++)
		tree_meta(f, "nav", m->nav[i]);
	tree_meta(f, "author from", m->author_from);
	for (i = 0; i < DC_LANG__MAX; i++) {
#define LM(field) do { \
	snprintf(key, sizeof(key), "%s " #field, dc_lang_code(i)); \
	tree_meta(f, key, m->l[i].field); } while (0)
		LM(title);
		LM(subtitle);
		LM(occasion);
		LM(speaker);
		LM(role);
		LM(date);
		LM(place);
		LM(kicker);
#undef LM
	}
	if (m->title_default)
		fputs("meta title-default: yes\n", f);
	/* The publisher's, beside what the text gave (which they win). */
	for (i = 0; i < DC_PUB__MAX; i++) {
		snprintf(key, sizeof(key), "user %s", dc_pub_name(i));
		tree_meta(f, key, m->pub[i]);
	}

	for (n = d->root->child; n != NULL; n = n->next) {
		if (dc_type_is_header(n->type)) {
			fprintf(f, "%s%s%s %s: ", dc_type_name(n->type),
			    n->sub ? " " : "", dc_sub_name(n->sub),
			    dc_lang_code(n->lang));
			tree_text(f, n->text, strlen(n->text));
			fputc('\n', f);
			tree_tokens(f, n);
			continue;
		}
		fputs(dc_type_name(n->type), f);
		if (n->level > 0)
			fprintf(f, " level=%d", n->level);
		if (n->sub != DC_SUB_NONE)
			fprintf(f, " %s", dc_sub_name(n->sub));
		fputc('\n', f);
		for (s = n->child; s != NULL; s = s->next)
			tree_seg(f, s);
	}
	if (fflush(f) != 0 || ferror(f)) {
		dc_msg_sys("writing the model: %s", g_strerror(errno));
		return -1;
	}
	return 0;
}
