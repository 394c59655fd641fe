/*
 * Parser internals shared by parse*.c: the decoded input as lines,
 * and the recognisers of roles that every dialect uses.
 */
#ifndef PARSE_H
#define PARSE_H

#include <glib.h>

/* One input line: a text of a million one-character lines has a
 * million of these, so the small fields are bit-fields. */
struct dc_line {
	char		*text;		/* trimmed UTF-8, owned */
	uint32_t	 len;		/* bytes of text (an input is at most
					   4 GB: a line's length, column and
					   number fit in 32 bits, and a record
					   takes 32 bytes, not 48) */
	int		 lineno;	/* input line, from 1 */
	int		 col;		/* column of text in the line, bytes */
	int		 indent;	/* leading white space (characters) */
	int		 piece;		/* of a line a <br> split: 1, 2, ...;
					   0 for a whole input line */
	signed int	 lang : 8;	/* dc_text_lang(), -1 if neutral */
	signed int	 heading : 16;	/* Markdown heading: number of "#";
					   -1: an image's text (a caption);
					   -2: a list item's line */
	unsigned int	 blank : 1;	/* nothing but white space */
	unsigned int	 body : 1;	/* first line after a "正文：" label:
					   no header line from here on */
	unsigned int	 brk : 1;	/* an --alignment file starts a
					   paragraph here: joined to none
					   before it */
	unsigned int	 literal : 1;	/* a line of a code block: literal
					   text, no line of prose */
	unsigned int	 section : 1;	/* a heading the markup marks in a
					   text whose front matter or label
					   named the title: a section's */
	unsigned int	 pair : 1;	/* a piece of a pair on one line that
					   dc_input_pairs() split */
};

/*
 * What the web-export pass (dc_input_web()) found and took out of the
 * lines: header nodes made from labels and title fields, and the
 * metadata they name.  dc_found_apply() gives them to the document.
 */
struct dc_found {
	GPtrArray	*nodes;		/* struct dc_node * header lines to
					   add, in input order, owned */
	GPtrArray	*urls;		/* char * addresses, owned */
	GPtrArray	*nav;		/* char * navigation links: text,
					   address, ..., owned */
	char		*title;		/* "标题：" or a title field */
	char		*title2;	/* the title in the other language */
	char		*subtitle;	/* "副标题：" or a subtitle field */
	char		*kicker;	/* "引题：" or a kicker field */
	char		*author;	/* "作者：" */
	char		*post;		/* the author's post after the name */
	char		*site;		/* a page title's site and section,
					   cut off its headline */
	int		 site_line;	/* its input line */
	char		*date;		/* "日期：", "时间：" as written */
	char		*from;		/* "来源：" */
	char		*orig_title;	/* "原标题：" */
	char		*editor;	/* "责任编辑：" */
	size_t		 markup;	/* pieces of markup removed */
	int		 markup_line;	/* first line with markup */
};

struct dc_input {
	char		*buf;		/* whole input, UTF-8, owned */
	size_t		 len;		/* bytes in buf */
	struct dc_line	*lines;		/* the lines, owned */
	size_t		 nlines;	/* number of lines */
	const char	*path;		/* the file read, whose FILE.meta
					   sidecar applies; NULL if none */
	size_t		 spent;		/* lines before this one freed and
					   their records' pages given back
					   (dc_input_spend()) */
};

/* input.c */
int		 dc_input_decode(const char *, size_t, const struct dc_opts *,
		    struct dc_input *, char **);
void		 dc_input_free(struct dc_input *);
void		 dc_input_spend(struct dc_input *, size_t);
void		 dc_mem_spent(void *, size_t, size_t);

/* web.c: the markup layer */
void		 dc_input_web(struct dc_input *, struct dc_found *, int);
void		 dc_found_apply(struct dc_doc *, struct dc_found *);
void		 dc_found_free(struct dc_found *);
size_t		 dc_frontmatter(struct dc_doc *, const struct dc_line *, size_t);
size_t		 dc_frontmatter_end(const struct dc_line *, size_t);

/* web_markup.c: what a markup parser gives, piece by piece */
enum dc_piece_kind {
	DC_PIECE_TEXT,		/* a line of text */
	DC_PIECE_PARA,		/* a paragraph ends */
	DC_PIECE_TITLE,		/* a container's fields: its title, */
	DC_PIECE_DATE,		/* date, */
	DC_PIECE_URL,		/* address, */
	DC_PIECE_AUTHOR,	/* author, */
	DC_PIECE_SOURCE,	/* source, */
	DC_PIECE_ID,		/* or an id (dropped); */
	DC_PIECE_NAV,		/* a navigation link's text, or a
				   page's boilerplate (menus, lists of
				   links, footers) kept as one */
	DC_PIECE_NAVLINK,	/* a site's navigation link's text */
	DC_PIECE_NAVURL,	/* and its (relative) address */
	DC_PIECE_SUBTITLE,	/* a page's subtitle (<h2> under <h1>) */
	DC_PIECE_LINKLINE	/* a source link's text, over the text
				   (its address a DC_PIECE_URL) */
};
struct dc_piece {
	enum dc_piece_kind kind;
	int		 line;		/* input line it comes from */
	int		 heading;	/* level of a heading's line, or 0;
					   -1: an image's text; -2: an item's */
	int		 literal;	/* a code block's line */
	char		*text;		/* owned; NULL for DC_PIECE_PARA */
};
size_t		 dc_markup_html(const char *, size_t, int, int, GArray *);
size_t		 dc_markup_md(const char *, size_t, int, GArray *);
size_t		 dc_markup_jsonl(const char *, size_t, int, GArray *);
size_t		 dc_markup_json(const char *, size_t, int, GArray *);
size_t		 dc_markup_csv(const char *, size_t, int, GArray *);
size_t		 dc_markup_sql(const char *, size_t, int, GArray *);
size_t		 dc_markup_vertical(const char *, size_t, int, GArray *);
int		 dc_markup_html_name(const char *, size_t);

/* web_rst.c: reStructuredText rewritten as Markdown, line for line */
int		 dc_rst_mark(const char *);
char		*dc_rst_to_md(const char *, size_t);

/* recog.c: shared recognisers */
int		 dc_line_continues(const char *, int, int *);
void		 dc_input_split(struct dc_input *);
void		 dc_input_pairs(struct dc_input *);
void		 dc_input_unpair(struct dc_input *);
char		*dc_pair_rejoin(const struct dc_line *, const struct dc_line *);
void		 dc_input_join(struct dc_input *, const char *);

/* A news dateline and byline at the start of a text (dc_dateline()). */
struct dc_dateline {
	char		*dateline;	/* the dateline text */
	char		*byline;	/* the byline with brackets, or NULL */
	size_t		 end;		/* bytes of the text they take */
};
int		 dc_dateline_at(const char *);
void		 dc_body_items(const GArray *);
int		 dc_dateline(struct dc_doc *, const char *,
		    struct dc_dateline *);
void		 dc_byline_meta(struct dc_doc *, const char *, const char *,
		    const char *);
enum dc_dialect	 dc_detect(const struct dc_input *, int);
int		 dc_is_address(const char *, int);
int		 dc_is_thanks(const char *, int);
int		 dc_source_line(const char *, char **, char **);
void		 dc_seg_enum(struct dc_node *);
int		 dc_parse_date(const char *, char **, char **, char **);
void		 dc_header_lines(struct dc_doc *, const struct dc_line **, size_t);
size_t		 dc_header_end(const struct dc_line **, size_t,
		    const struct dc_opts *);

/* What the shared recognisers say of a line at the top of a text
 * (dc_recognise_line()), for the decoder of the header. */
enum {
	DC_LREC_BLANK	= 1 << 0,	/* nothing but white space */
	DC_LREC_HEADER	= 1 << 1,	/* short, no sentence: a header's */
	DC_LREC_NUMHEAD	= 1 << 2,	/* numbered as headings are */
	DC_LREC_DATE	= 1 << 3,	/* a date (and place) line */
	DC_LREC_SPEAKER	= 1 << 4,	/* an office and a name; "Remarks by" */
	DC_LREC_SUBTITLE = 1 << 5,	/* "——在…上的讲话"; "Keynote Speech" */
	DC_LREC_ADDRESS	= 1 << 6	/* a salutation: the body's */
};
unsigned	 dc_recognise_line(const struct dc_line **, size_t, size_t,
		    int);
/* No header line stands this far down (line index): from here on
 * every line is the body's, so neither the recognisers nor the
 * decoder need to see the rest of a text of 500,000 short lines. */
#define DC_HEADER_FAR	24

size_t		 dc_roles_header(const struct dc_line **, size_t,
		    const unsigned *, const struct dc_opts *);
void		 dc_body_roles(struct dc_doc *, const struct dc_opts *);
void		 dc_title_speaker(struct dc_lmeta *, const char *);

/*
 * What the shared recognisers say of a block's text (dc_recognise()):
 * one bit for each form that matches, for the role decoder.
 */
enum {
	DC_REC_THANKS	= 1 << 0,	/* "谢谢大家。", "Thank you." */
	DC_REC_ADDRESS	= 1 << 1,	/* "尊敬的…，", "Colleagues," */
	DC_REC_BYLINE	= 1 << 2,	/* "（本报记者 X）", "(Reporting by X)" */
	DC_REC_DATELINE	= 1 << 3,	/* "（新华社上海6月8日电）" */
	DC_REC_DATE	= 1 << 4,	/* a date alone: a letter's date */
	DC_REC_EDITOR	= 1 << 5,	/* "——编者" */
	DC_REC_SIGNED	= 1 << 6,	/* a name or a body that signs */
	DC_REC_CREDIT	= 1 << 7,	/* "（X 摄）": a photo credit alone */
	DC_REC_CAPTION	= 1 << 8,	/* "图为…", "Photo: …" */
	DC_REC_CREDIT_END = 1 << 9,	/* a caption ending in a credit */
	DC_REC_DATELINE_END = 1 << 10,	/* a paragraph ending in a dateline */
	DC_REC_EDITOR_END = 1 << 11,	/* a paragraph signed "——编者" */
	DC_REC_NOTE	= 1 << 12,	/* "编者按：" */
	DC_REC_HEAD	= 1 << 13,	/* a heading's form */
	DC_REC_HEADNUM	= 1 << 14,	/* a heading's form and numbering */
	DC_REC_TURN	= 1 << 15,	/* a speaker's label and a colon */
	DC_REC_TRAILER	= 1 << 16,	/* "（原标题：…）", "责任编辑：…",
					   "（完）", an address alone */
	DC_REC_WRITER	= 1 << 17,	/* "作者：某某", "文｜某某", "某某｜文":
					   who wrote it, labelled */
	DC_REC_HEADNOTE	= 1 << 18,	/* "这是某某在…上的讲话。": a note on
					   the text, above it */
	DC_REC_ADDRESSEE = 1 << 19	/* "各乡镇农业站：": an official
					   text's addressees, above it */
};
unsigned	 dc_recognise(const char *, int);

/* roles.c: the roles of the body's blocks, decided over the whole
 * text at once (dc_roles_decide()). */
enum dc_role {
	DC_ROLE_BODY = 0,	/* a body block: left to dc_body_roles() */
	DC_ROLE_SPLIT,		/* the last paragraph, its closing dateline
				   or "——编者" split off as a sign-off */
	DC_ROLE_CLOSING,	/* thanks closing a speech */
	DC_ROLE_BYLINE,		/* sign-offs, by kind */
	DC_ROLE_DATELINE,
	DC_ROLE_EDITOR,
	DC_ROLE_SIGNED,
	DC_ROLE_CREDIT,		/* a photo credit after the text */
	DC_ROLE_CAPTION,	/* a photo caption after the text */
	DC_ROLE_TRAILER,	/* after all that: source and editor labels,
				   end marks, links (kept as paragraphs) */
	DC_ROLE_LEAD,		/* before the salutation: a reader's heading,
				   a caption */
	DC_ROLE_SALUTATION,	/* the opening's address */
	DC_ROLE_VOCATIVE,	/* an address in the body: opens a part */
	DC_ROLE_NOTE,		/* an editor's note */
	DC_ROLE_BCAPTION,	/* a caption or credit in the body */
	DC_ROLE_WRITER,		/* the writer's credit among the first
				   blocks ("某某｜文") */
	DC_ROLE__MAX
};
enum dc_role	*dc_roles_decide(const struct dc_node *, const unsigned *,
		    const struct dc_opts *, size_t *);
const struct dc_node *dc_roles_judged(const struct dc_node *);
struct dc_node	*dc_block_add(struct dc_doc *, enum dc_type);
struct dc_node	*dc_seg_add(struct dc_node *, enum dc_lang, const char *,
		    int, int);
char		*dc_join_lines(const struct dc_line **, size_t, int);

/* the readers */
struct dc_doc	*dc_parse_plain(struct dc_input *, const struct dc_opts *);
struct dc_doc	*dc_parse_news(const struct dc_input *, const struct dc_opts *);
struct dc_doc	*dc_parse_bilingual(const struct dc_input *,
		    const struct dc_opts *);
void		 dc_seg_count_tags(const char *, char, size_t *, size_t *);
struct dc_doc	*dc_parse_segmented(const struct dc_input *,
		    const struct dc_opts *);
struct dc_doc	*dc_parse_tei(const struct dc_input *, const struct dc_opts *);
struct dc_doc	*dc_parse_json(const struct dc_input *, const struct dc_opts *);
int		 dc_json_sniff(const char *, size_t);

/* read.c: under DOCCONV_CHECK, abort on a model that breaks the rules */
struct dc_doc	*dc_read_checked(struct dc_doc *);

/* tei_read.c, for both TEI readers: the TEI elements of a tree. */
struct _xmlNode;
int		 teir_is(const struct _xmlNode *, const char *);
char		*teir_attr(const struct _xmlNode *, const char *);
int		 teir_attr_is(const struct _xmlNode *, const char *,
		    const char *);
char		*teir_content(const struct _xmlNode *);
int		 teir_lang(const struct _xmlNode *);
const struct _xmlNode *teir_find(const struct _xmlNode *, const char *);
/* parse_tei_other.c: TEI that docconv did not write. */
struct dc_doc	*dc_parse_tei_other(const struct _xmlNode *,
		    const struct _xmlNode *);

#endif /* !PARSE_H */
