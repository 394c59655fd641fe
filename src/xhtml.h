/*
 * xhtml.h: the XHTML writer (xhtml.c) that the EPUB book
 * (render_epub.c) and the web page (render_html.c) share: the title
 * page, the contents and the text, with lang on every block, the
 * subset fonts and the style sheet.
 */
#ifndef XHTML_H
#define XHTML_H

struct dc_xml;
#define EPUB_DIR	"EPUB/"		/* folder of the publication */
#define EPUB_TEXT	"text.xhtml"	/* the one content document */
#define EPUB_NAV	"nav.xhtml"	/* the navigation document */
#define EPUB_CSS	"style.css"	/* the style sheet */
#define EPUB_OPF	"package.opf"	/* the package document */

/* Longest label of an enumerated point without a lead, in chars. */
#define EPUB_LABEL_MAX	36

/* One file of the book, in zip order. */
struct epub_file {
	char		*name;		/* path in the zip */
	char		*data;		/* contents, g_malloc'd */
	size_t		 len;		/* bytes */
	const char	*id;		/* manifest id, NULL if none */
	const char	*type;		/* media type, NULL if none */
	const char	*props;		/* manifest properties, or NULL */
};

/* One embedded font face. */
struct epub_font {
	char		*path;		/* source file */
	int		 index;		/* face in that file */
	char		*name;		/* file in the zip, "fonts/..." */
	int		 roles;		/* bit (1 << dc_font_role) */
	int		 weight;	/* OpenType weight: 400, 500, 700 */
	char		*data;		/* the subset face, or NULL */
	size_t		 len;		/* bytes of data */
	const char	*type;		/* its media type */
};

struct epub {
	const struct dc_doc	*doc;	/* the document */
	GHashTable		*beads;	/* block -> its bead, two files */
	const struct dc_opts	*opts;	/* options */
	enum dc_lang		 main;	/* language of <html> */
	unsigned int		 langs;	/* languages present, never 0 */
	enum dc_lang		 ctx;	/* language the open element has */
	int			 bi;	/* more than one language */
	GHashTable		*chars[2][DC_LANG__MAX]; /* code points
					   used, [in headings][language] */
	guint8			*seen[2][DC_LANG__MAX]; /* ... those below U+10000
						   as bits: most are met again */
	int			 head;	/* writing heading text */
	GPtrArray		*files;	/* struct epub_file, zip order */
	GPtrArray		*fonts;	/* struct epub_font */
	int			 html;	/* writing the web page (HTML5,
					   render_html.c), not the book */
	const char		*href;	/* the text document, for links:
					   EPUB_TEXT, or "" in the page */
};

/* For both: the writer's state, the placeholders, the fonts, the CSS. */
void		 xhtml_init(struct epub *, const struct dc_doc *,
		    const struct dc_opts *, int);
void		 xhtml_fini(struct epub *);
int		 xhtml_fill(struct dc_xml *, const char *, void *);
const char	*xhtml_title(const struct epub *);
int		 xhtml_fonts(struct epub *);
char		*xhtml_css_text(struct epub *, int,
		    char *(*)(const struct epub_font *, const char **), size_t *);

/* For the book (render_epub.c). */
struct epub_file *xhtml_file_add(struct epub *, const char *, char *,
		    size_t, const char *, const char *);
enum dc_lang	 xhtml_nth_lang(const struct epub *, int);
int		 xhtml_is_url(const char *);

#endif /* !XHTML_H */
