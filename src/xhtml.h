/*
 * xhtml.h: the XHTML writer of the EPUB backend (render_epub.c), which
 * the web page (render_html.c) shares: the title page, the contents
 * and the text, with lang on every block, written as HTML.
 */
#ifndef XHTML_H
#define XHTML_H

struct dc_xml;
struct epub;

struct epub	*dc_xhtml_new(const struct dc_doc *, const struct dc_opts *);
void		 dc_xhtml_free(struct epub *);
int		 dc_xhtml_fill(struct dc_xml *, const char *, void *);
const char	*dc_xhtml_title(const struct epub *, enum dc_lang *);
int		 dc_xhtml_fonts(struct epub *);
char		*dc_xhtml_css(struct epub *);


#endif /* !XHTML_H */
