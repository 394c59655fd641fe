/*
 * docconv: shared types of the document model, the options and the
 * entry points of every parser and backend.
 */
#ifndef DOCCONV_H
#define DOCCONV_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Languages a block can hold.  The order is the order of output:
 * Chinese original first, then the English translation.
 */
enum dc_lang {
	DC_LANG_ZH = 0,		/* Chinese (Han script) */
	DC_LANG_EN,		/* English (Latin script) */
	DC_LANG__MAX
};

/*
 * Node types.  The tree is:
 *
 *   DC_ROOT
 *     header lines (DC_COLLECTION ... DC_FRONTMATTER), each one
 *       line of the source with its language; text in node->text;
 *       for segmented input DC_SENT children hold the tokens, as
 *       under DC_SEG
 *     blocks (DC_SALUTATION ... DC_SIGNOFF), each one aligned block
 *       with one DC_SEG child per language present, DC_LANG_ZH first
 *         DC_SEG: node->text is the running text of that language;
 *           for segmented input it has DC_SENT children holding the
 *           DC_W / DC_PC tokens, whose texts joined give node->text
 *           back (see dc_tokens_join()).
 *
 * All header lines come before all blocks.  Parts are not nodes: a
 * vocative or a heading opens one (dc_part_level(), dc_part_end()).
 * A speaker turn is a DC_TURN block whose segs give the speaker's
 * label in spk_len; the paragraphs that continue the same turn are
 * DC_TURN blocks with spk_len 0.
 */
enum dc_type {
	DC_ROOT = 0,		/* the document */
	DC_COLLECTION,		/* "8. ...": number in a collection; an
				   official document's number in its
				   issuer's series, "国办发〔2020〕12号" */
	DC_KICKER,		/* 引题: the line above a newspaper title */
	DC_TITLE,		/* one title line */
	DC_SUBTITLE,		/* "——在...上的讲话" */
	DC_OCCASION,		/* "At the 20th Meeting of ..." */
	DC_SPEAKER,		/* line naming the speaker (maybe + role) */
	DC_ROLE,		/* line giving only the speaker's role */
	DC_DATEPLACE,		/* "（2020年11月10日，北京）", "Beijing, 10 ..." */
	DC_DATELINE,		/* news: "本报北京11月11日电" */
	DC_BYLINE,		/* news: "（记者刘慧、薛丹）" */
	DC_SOURCE,		/* where the text came from: a label line
				   "来源：…", "原标题：…", "链接：URL";
				   node->sub says which (dc_sub) */
	DC_FRONTMATTER,		/* YAML/Markdown front matter, kept verbatim */
	DC_SALUTATION,		/* opening salutation "尊敬的...，" */
	DC_VOCATIVE,		/* section vocative "各位同事！": opens a part */
	DC_HEADING,		/* section heading, node->level 1..3:
				   opens a part */
	DC_NOTE,		/* editor's note "编者按：…" */
	DC_PARA,		/* paragraph */
	DC_TURN,		/* speaker turn: "记者：…", "Q: …" */
	DC_CAPTION,		/* photo caption or credit (node->sub) */
	DC_CLOSING,		/* "谢谢大家。" */
	DC_SIGNOFF,		/* closing byline, signature, editor's
				   signature, closing dateline (node->sub) */
	DC_SEG,			/* one language's text of a block */
	DC_SENT,		/* segmented input: one sentence (input line) */
	DC_W,			/* segmented input: a word token */
	DC_PC,			/* segmented input: a punctuation token */
	DC_TYPE__MAX
};

/*
 * What kind of sign-off, caption or source a node is (node->sub);
 * DC_SUB_NONE for every other type.
 */
enum dc_sub {
	DC_SUB_NONE = 0,
	DC_SUB_BYLINE,		/* signoff: "（本报记者 X、Y）", "本报记者 X" */
	DC_SUB_SIGNED,		/* signoff: a letter's signature "（X）" */
	DC_SUB_EDITOR,		/* signoff: an editor's note signed "——编者" */
	DC_SUB_DATELINE,	/* signoff: "（新华社上海6月8日电）" */
	DC_SUB_CAPTION,		/* caption: "图为…", "图片：…" */
	DC_SUB_CREDIT,		/* caption: "（X 摄）", "新华社记者 X 摄" */
	DC_SUB_FROM,		/* source: "来源：新华社" */
	DC_SUB_ORIGTITLE,	/* source: "原标题：…" */
	DC_SUB_URL,		/* source: "链接：…", "URL: …" */
	DC_SUB__MAX
};

/* Input dialects. */
enum dc_dialect {
	DC_DIALECT_AUTO = 0,
	DC_DIALECT_SEGMENTED,
	DC_DIALECT_BILINGUAL,
	DC_DIALECT_NEWS,
	DC_DIALECT_PLAIN,
	DC_DIALECT_TEI,
	DC_DIALECT_JSON,	/* docconv's own JSON (render_json.c) */
	DC_DIALECT__MAX
};

/*
 * A node of the tree.  A text of a million one-line paragraphs has
 * two a line (a block and its seg), so the node is kept small: byte
 * offsets in 32 bits (an input is far below 4 GB), the kinds in a
 * byte each, and a token's part of speech in the room a seg's
 * enumerator and lead take (no node has both).
 */
struct dc_node {
	struct dc_node	*parent;	/* NULL for the root */
	struct dc_node	*child;		/* first child */
	struct dc_node	*last;		/* last child */
	struct dc_node	*prev;		/* previous sibling */
	struct dc_node	*next;		/* next sibling */
	char		*text;		/* UTF-8, owned; NULL where none */
	union {
		char	*pos;		/* DC_W, DC_PC: part of speech from
					   a tagged corpus ("v"), owned;
					   else NULL */
		struct {
			uint32_t enum_len; /* DC_SEG: bytes of enumerator */
			uint32_t lead_len; /* DC_SEG: bytes of run-in lead
					   (incl. enumerator), 0 if none */
		};
	};
	uint32_t	 spk_len;	/* DC_SEG of a DC_TURN: bytes of the
					   speaker label "记者：", 0 if the
					   turn goes on from the block before */
	int		 line;		/* input line, from 1; 0 if none */
	int		 col;		/* input column, bytes, from 1 */
	enum dc_type	 type : 8;	/* what this node is */
	enum dc_lang	 lang : 8;	/* header lines, DC_SEG and below */
	enum dc_sub	 sub : 8;	/* DC_SIGNOFF, DC_CAPTION, DC_SOURCE:
					   which kind; else DC_SUB_NONE */
	signed int	 level : 8;	/* DC_HEADING: 1 (top) to 3 */
};

/* Metadata of one language; NULL members are unknown. */
struct dc_lmeta {
	char		*title;		/* title lines joined */
	char		*subtitle;	/* subtitle without leading dashes */
	char		*occasion;	/* occasion / event */
	char		*speaker;	/* speaker or author name */
	char		*role;		/* speaker's role or office */
	char		*date;		/* date as written */
	char		*place;		/* place as written */
	char		*kicker;	/* kicker (引题) over the title */
};

/*
 * The publisher's metadata (--meta KEY=VALUE, a FILE.meta sidecar or
 * --meta-file; meta.c): what the user says about this edition.  Where
 * the reader found a value of the same kind (an editor, a source
 * address, a language tag), the user's wins in every output.
 */
enum dc_pub {
	DC_PUB_PUBLISHER = 0,	/* who publishes this edition */
	DC_PUB_RIGHTS,		/* licence: an SPDX id or free text */
	DC_PUB_SOURCE,		/* address the text was taken from */
	DC_PUB_EDITOR,		/* editor of this edition */
	DC_PUB_TRANSLATOR,	/* translator of the English */
	DC_PUB_SERIES,		/* series or collection it belongs to */
	DC_PUB_ISBN,		/* ISBN-13, digits only (checked) */
	DC_PUB_LANG_ZH,		/* BCP 47 tag of the Chinese: "zh-Hant-TW" */
	DC_PUB_LANG_EN,		/* BCP 47 tag of the English: "en-GB" */
	DC_PUB_SHORT_TITLE,	/* the running head's title, either language */
	DC_PUB__MAX
};

/*
 * Lines the user gave for the title page (--author, --place, --date),
 * as given: the metadata files them by language too (dc_doc_finish()).
 */
enum dc_given {
	DC_GIVEN_AUTHOR = 0,	/* --author */
	DC_GIVEN_PLACE,		/* --place */
	DC_GIVEN_DATE,		/* --date, as written */
	DC_GIVEN__MAX
};

/* The forms of a model date (dc_date_form()). */
enum dc_date_form {
	DC_DATE_NONE = 0,	/* not a real date in these forms */
	DC_DATE_YEAR,		/* "2020" */
	DC_DATE_MONTH,		/* "2020-11" */
	DC_DATE_DAY,		/* "2020-11-10" */
	DC_DATE_MDAY		/* "--11-10": no year */
};

/* One line of a title page (dc_titleblock()). */
struct dc_tline {
	enum dc_type	 type;		/* its role: a header type */
	enum dc_lang	 lang;		/* its language */
	const char	*text;		/* the document's text */
	const struct dc_node *node;	/* its header line; NULL if the
					   metadata's */
	int		 given;		/* the user's (meta.given) */
};

/* Metadata beside the tree (as in mandoc). */
struct dc_meta {
	struct dc_lmeta	 l[DC_LANG__MAX]; /* per language */
	char		*date_iso;	/* "2020-11-10", "--11-11", or NULL */
	int		 date_stamp;	/* date_iso is a page's update stamp
					   ("更新时间："): a closing date
					   under the text replaces it */
	int		 date_occasion;	/* date_iso is the occasion's, from
					   "——某年某月某日在…上": a
					   publication line's does not
					   replace it */
	char		*collection;	/* collection number, "8" */
	char		*agency;	/* news dateline agency, "本报" */
	char		*reporters;	/* news byline names, "刘慧、薛丹" */
	char		*source;	/* source file name (basename) */
	char		*from;		/* where it was published: "新华社" */
	char		*orig_title;	/* "原标题：…": the title it had there */
	char		*editor;	/* "责任编辑：…" */
	char		**urls;		/* source addresses (links, URL labels),
					   NULL-terminated, or NULL */
	char		**nav;		/* a site's navigation links: text,
					   address, text, address...,
					   NULL-terminated, or NULL; no part
					   of the text */
	char		*author_from;	/* author taken from a sign-off or
					   caption: what it said, else NULL */
	enum dc_dialect	 dialect;	/* dialect the text was read as */
	unsigned int	 langs;		/* bit (1 << dc_lang) per language */
	int		 title_default;	/* title is a placeholder */
	int		 hant;		/* Chinese is Traditional (zh-Hant) */
	char		*pub[DC_PUB__MAX]; /* the user's, by dc_pub; NULL
					   if not given (meta.c) */
	char		*given[DC_GIVEN__MAX]; /* the user's title page
					   lines, by dc_given; NULL if not
					   given */
};

/*
 * One bead of a two-file alignment (align.c): units of the original
 * (header lines or blocks) paired with units of the translation.
 */
struct dc_bead {
	enum dc_type	 type;		/* header type, or the block's role */
	int		 na;		/* units of the original, 0.. */
	int		 nb;		/* units of the translation, 0.. */
	int		*lines;		/* na first lines of the original's
					   units, then nb of the translation's;
					   owned */
	int		 score;		/* cost, in hundredths (0 = sure) */
	int		 warned;	/* reported as doubtful */
	size_t		*cut[DC_LANG__MAX]; /* body bead: byte offsets in
					   its block's seg of that language
					   where each unit after the first
					   starts, 0-terminated; NULL if one
					   unit or tokens (owned) */
};

/*
 * How a two-file input was aligned: NULL in a document read from one
 * file.  Nodes of language lang_b have line numbers of the translation.
 */
struct dc_align {
	char		*original;	/* the original's name as given */
	char		*translation;	/* the translation's name as given */
	enum dc_lang	 lang_a;	/* language of the original */
	enum dc_lang	 lang_b;	/* language of the translation */
	int		 ratio;		/* translation size per original size,
					   in hundredths */
	struct dc_bead	*beads;		/* header beads, then body beads */
	size_t		 nbeads;	/* number of beads */
};

struct dc_doc {
	struct dc_node	*root;		/* DC_ROOT, owned */
	struct dc_meta	 meta;		/* owned strings */
	struct dc_align	*align;		/* two-file alignment, or NULL */
};

/* The backends (backends.def), by index in dc_backends[]. */
enum dc_backend_id {
#define DC_BACKEND(id, opt, help, ext, bin, fn)	DC_BE_##id,
#include "backends.def"
#undef DC_BACKEND
	DC_BE__MAX
};

/* Output formats, bit flags in struct run's formats: one for each
 * backend, then what goes to standard output instead of a file. */
enum {
#define DC_BACKEND(id, opt, help, ext, bin, fn)	\
	DC_FMT_##id = 1 << DC_BE_##id,
#include "backends.def"
#undef DC_BACKEND
	DC_FMT_DUMP = 1 << DC_BE__MAX,		/* --dump-model */
	DC_FMT_JSONL = 1 << (DC_BE__MAX + 1),	/* --json -o - */
	DC_FMT_ALIGN = 1 << (DC_BE__MAX + 2)	/* --dump-alignment */
};

/* Options shared by parsers and backends. */
struct dc_opts {
	enum dc_dialect	 dialect;	/* --input-format; AUTO to detect */
	const char	*encoding;	/* --encoding, or NULL to detect */
	int		 lenient;	/* --lenient: replace bad bytes */
	int		 keep_markup;	/* --keep-markup: no web markup
					   taken out */
	size_t		 max_input;	/* --max-input-size in bytes; 0 for
					   the default (256 MB) */
	const char	*title;		/* --title override, or NULL */
	const char	*author;	/* --author override, or NULL */
	const char	*date;		/* --date override, or NULL */
	const char	*place;		/* --place override, or NULL */
	int		 verbose;	/* -v count; -1 for -q */
	const char	*layout;	/* --layout for PDF, or NULL */
	const char	*paper;		/* --paper for PDF, or NULL */
	const char	*impose;	/* --impose, or NULL */
	const char	*template_dir;	/* --template-dir, or NULL */
	int		 embed_fonts;	/* --embed-fonts (EPUB) */
	long long	 epoch;		/* SOURCE_DATE_EPOCH, or -1 */
	int		 threads;	/* helper threads welcome: one file
					   (a batch has -j instead) */
	char		*meta[DC_PUB__MAX]; /* --meta values by dc_pub,
					   owned by main(); NULL if not given */
	const char	*meta_file;	/* --meta-file, or NULL to look for
					   FILE.meta beside each input */
	const char	*translation;	/* --translation FILE, or NULL */
	const char	*alignment;	/* --alignment FILE: beads to use
					   instead of aligning, or NULL */
	int		 tmx_sentences;	/* --tmx-segment=sentence */
	int		 one_lang;	/* a side of --translation: one
					   language a file (no pairs read,
					   never the bilingual reader) */
	const int	*breaks;	/* input lines an --alignment file
					   starts a paragraph at, sorted;
					   NULL if none */
	size_t		 nbreaks;	/* their number */
	struct dc_style	*style;		/* --style (style.h), owned by
					   main(); NULL for the built-in */
	int		 explain;	/* --explain: print each block's
					   features and roles (roles.c) */
};

/*
 * Diagnostics (msg.c).  Every message has a level; the exit status of
 * a run is derived from the worst level seen.
 */
enum dc_level {
	DC_LEVEL_OK = 0,
	DC_LEVEL_WARNING,	/* converted, but a guess was made */
	DC_LEVEL_ERROR,		/* input refused */
	DC_LEVEL_USAGE,		/* refused unread: the call is wrong */
	DC_LEVEL_SYSERR		/* I/O or library failure */
};

enum dc_err {
	DC_WARN_LENIENT = 0,	/* invalid bytes replaced */
	DC_WARN_NO_TITLE,	/* no title: placeholder used */
	DC_WARN_UNPAIRED_ZH,	/* Chinese run with no English */
	DC_WARN_UNPAIRED_EN,	/* English run with no Chinese */
	DC_WARN_RUN_LENGTH,	/* runs of unequal length paired */
	DC_WARN_ROLE,		/* role guessed (header or body) */
	DC_WARN_CONTROL,	/* control character removed */
	DC_WARN_TOKENS,		/* segmentation looks odd */
	DC_WARN_DIALECT,	/* dialect guess uncertain */
	DC_WARN_FRONTMATTER,	/* front matter read, or kept verbatim */
	DC_WARN_GENERIC,	/* other warning */
	DC_WARN_ALIGN,		/* two files aligned other than 1-1 */
	DC_WARN_STYLE,		/* style file: unknown group or key */
	DC_ERR_EMPTY,		/* empty input */
	DC_ERR_BINARY,		/* not a text file */
	DC_ERR_UTF8,		/* invalid UTF-8 */
	DC_ERR_ENCODING,	/* cannot decode */
	DC_ERR_TEI,		/* TEI input not understood */
	DC_ERR_JSON,		/* JSON input not understood */
	DC_ERR_ALIGNMENT,	/* --alignment file refused */
	DC_ERR_INPUT,		/* other input error */
	DC_ERR_STYLE,		/* style file refused */
	DC_ERR_CLASH,		/* an output is an input or another output */
	DC_ERR_META,		/* the sidecar .meta file refused */
	DC_ERR_FONT,		/* a style's font is not installed */
	DC_ERR_SYS,		/* I/O or library failure */
	DC_ERR__MAX
};

/* msg.c */
void		 dc_msg_set_file(const char *);
const char	*dc_msg_file(void);
void		 dc_msg_set_quiet(int);
void		 dc_msg_set_progress(int);
void		 dc_msg_set_output(const char *, const char *);
void		 dc_msg(enum dc_err, int, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
void		 dc_msg_v(enum dc_err, int, int, const char *, va_list)
		    __attribute__((format(printf, 4, 0)));
void		 dc_msg_sys(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
void		 dc_msg_usage(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
char		*dc_msg_value(const char *);
enum dc_level	 dc_msg_level(void);
void		 dc_msg_reset(void);
int		 dc_msg_count(enum dc_err);
int		 dc_msg_warnings(void);
void		 dc_msg_set_sink(void (*)(const char *, void *), void *);
void		*dc_msg_context(void);
void		 dc_msg_adopt(void *);

/* model.c */
struct dc_node	*dc_node_new(enum dc_type, enum dc_lang, const char *,
		    int, int);
struct dc_node	*dc_node_append(struct dc_node *, struct dc_node *);
struct dc_node	*dc_node_insert_before(struct dc_node *, struct dc_node *);
void		 dc_node_unlink(struct dc_node *);
void		 dc_node_free(struct dc_node *);
struct dc_node	*dc_node_seg(const struct dc_node *, enum dc_lang);
char		*dc_label_cut(const char *, size_t, enum dc_lang, size_t);
char		*dc_part_label(const struct dc_node *, enum dc_lang, size_t);
int		 dc_part_level(const struct dc_node *);
const struct dc_node *dc_part_end(const struct dc_node *);
char		*dc_turn_speaker(const struct dc_node *);
const char	*dc_sub_name(enum dc_sub);
enum dc_sub	 dc_sub_from_name(const char *);
int		 dc_iso_date_valid(const char *);
char		*dc_iso_date(const char *);
enum dc_date_form dc_date_form(const char *);
int		 dc_block_is_point(const struct dc_node *);
const char	*dc_type_name(enum dc_type);
enum dc_type	 dc_type_from_name(const char *);
const char	*dc_lang_code(enum dc_lang);
const char	*dc_lang_tag(const struct dc_meta *, enum dc_lang);
const char	*dc_dialect_name(enum dc_dialect);
enum dc_dialect	 dc_dialect_from_name(const char *);
char		*dc_dialect_list(void);
int		 dc_type_is_header(enum dc_type);
int		 dc_type_is_block(enum dc_type);
int		 dc_tree_check(const struct dc_doc *, FILE *);
struct dc_doc	*dc_doc_new(void);
void		 dc_doc_free(struct dc_doc *);
void		 dc_align_free(struct dc_align *);
void		 dc_meta_set(char **, const char *);
void		 dc_doc_finish(struct dc_doc *, const struct dc_opts *,
		    const char *);
char		*dc_title_join(const struct dc_doc *, enum dc_lang);
const char	*dc_title_sep(const char *, const char *, enum dc_lang);
size_t		 dc_titleblock(const struct dc_doc *, enum dc_lang,
		    struct dc_tline **);
char		*dc_data_path(const char *);

/* meta.c */
const char	*dc_pub_name(enum dc_pub);
enum dc_pub	 dc_pub_from_name(const char *);
int		 dc_pub_set(char **, const char *, const char *, char **);
int		 dc_pub_read(char **, const char *, int, char **);
char		*dc_pub_sidecar(const char *);
int		 dc_pub_check(const struct dc_opts *);
int		 dc_pub_check_sidecar(const char *);
void		 dc_pub_apply(struct dc_doc *, const struct dc_opts *,
		    const char *);
int		 dc_pub_is_spdx(const char *);
const char	*dc_meta_editor(const struct dc_meta *);
const char	*const *dc_meta_urls(const struct dc_meta *,
		    const char **);
int		 dc_url_ok(const char *);
/* The name render_pdf.c still calls it by (that file is being edited
 * on another branch). */
#define dc_url_web(s)	dc_url_ok(s)

/* text.c */
char		*dc_tokens_join(const struct dc_node *);
int		 dc_char_script_lang(unsigned int);
int		 dc_text_lang(const char *, size_t);
enum dc_lang	 dc_text_lang_in(const char *, unsigned int);
void		 dc_text_script_count(const char *, size_t *, size_t *);
int		 dc_is_closing_punct(unsigned int);
int		 dc_is_opening_punct(unsigned int);
int		 dc_is_edge_space(unsigned int);
int		 dc_is_removed(unsigned int);
char		*dc_text_cleaned(const char *);

/* parse.c: read and parse one input; NULL on error (reported). */
struct dc_doc	*dc_parse_file(const char *, const struct dc_opts *);
/* input.c: read a side file (meta, style, alignment) whole, safely;
 * their limits: meta files and styles are a page of keys. */
int		 dc_side_read(const char *, size_t, int, char **, size_t *,
		    char **);
#define DC_SIDE_MAX	((size_t)1 << 20)
#define DC_ALIGN_MAX	((size_t)64 << 20)	/* a bead a paragraph */
struct dc_doc	*dc_parse_mem(const char *, size_t, const char *,
		    const struct dc_opts *);

/* render_tree.c: the --dump-model text. */
int		 render_tree(const struct dc_doc *, const struct dc_opts *,
		    FILE *);

/*
 * Backends (backends.def): write the document to outpath (a temporary
 * path chosen by batch.c, renamed on success).  Return 0 on success,
 * -1 on failure (reported with dc_msg_sys()).  The review sheet
 * (--alignment-report FILE) is written the same way.
 */
#define DC_BACKEND(id, opt, help, ext, bin, fn)	\
int		 fn(const struct dc_doc *, const struct dc_opts *, \
		    const char *);
#include "backends.def"
#undef DC_BACKEND
int		 render_review(const struct dc_doc *, const struct dc_opts *,
		    const char *);

/* render_json.c: the JSON text of a document, pretty or on one line
 * ending in a newline (JSON Lines); g_free(). */
char		*dc_json_text(const struct dc_doc *, int, size_t *);
char		*dc_json_line(const struct dc_doc *, const char *, size_t *);
/* render_json.c: a JSON string literal appended to a GString; 1 for
 * a script element's text ("<", ">", "&" escaped too). */
struct _GString;
void		 dc_json_quote(struct _GString *, const char *, int);

/* align.c: read an original and its translation into one parallel
 * model; NULL on error (reported). */
struct dc_doc	*dc_parse_pair(const char *, const char *,
		    const struct dc_opts *);
int		 dc_align_dump(const struct dc_doc *, FILE *);

/*
 * walk.c: one translation pair of a document (dc_pairs_new()): a
 * header bead (the header lines of one type in each language) or a
 * block.  Both writers of pairs (TMX, the review sheet), TEI's links
 * and the joined paragraphs of the EPUB, web page and PDF walk these,
 * so that every output pairs alike.
 */
struct dc_pair {
	enum dc_type		 type;	/* header type, or the block's role */
	const struct dc_node	*blk;	/* the block; NULL for header lines */
	const struct dc_node	**hl[DC_LANG__MAX]; /* header lines of
					   each language (owned array) */
	size_t			 nhl[DC_LANG__MAX]; /* their number */
	int			*lines[DC_LANG__MAX]; /* first source line
					   of each unit (owned array) */
	int			 nlines[DC_LANG__MAX]; /* units per side */
	int			 score;	/* bead's cost in hundredths */
	int			 warned; /* doubtful (align.c's warnings) */
	const struct dc_bead	*bead;	/* a two-file input's bead, or NULL */
};

struct dc_pairs {
	struct dc_pair	*p;		/* the pairs, header ones first */
	size_t		 n;		/* their number */
	enum dc_lang	 orig;		/* language of the original */
	const char	*name[DC_LANG__MAX]; /* each language's file name */
};

struct dc_pairs	*dc_pairs_new(const struct dc_doc *);
void		 dc_pairs_free(struct dc_pairs *);
char		*dc_pair_text(const struct dc_pair *, enum dc_lang);
struct _GHashTable;
struct _GHashTable *dc_beads_by_block(const struct dc_doc *);
const size_t	*dc_seg_cuts(const struct dc_bead *, const struct dc_node *);

/*
 * walk.c: the parts of a text walked as cmark walks its tree, so that
 * every writer nests them alike (dc_part_level(), dc_part_end()): each
 * call of dc_iter_next() gives the next event, DC_EV_ENTER when a
 * block opens a part (the block itself follows as DC_EV_BLOCK), the
 * blocks, DC_EV_EXIT when a part ends (with the block that opened
 * it), DC_EV_DONE after the last.  With DC_ITER_OPENING the blocks
 * before the first part, or all those of a text without parts, make
 * an opening part of level 0, and the closings and sign-offs ending
 * the text stand after every part (the EPUB's and web page's
 * sections); without, blocks outside parts stand alone (TEI's divs).
 */
#define DC_ITER_DEPTH	4	/* parts open at once: levels 0, 1..3 */
#define DC_ITER_OPENING	0x01	/* flag: an opening part of level 0 */

enum dc_ev {
	DC_EV_DONE = 0,		/* no more blocks */
	DC_EV_ENTER,		/* a part opens */
	DC_EV_BLOCK,		/* a block */
	DC_EV_EXIT		/* a part ends */
};

struct dc_iter {
	const struct dc_node *next;	/* the next block, or to */
	const struct dc_node *to;	/* where the walk stops (NULL:
					   at the text's end) */
	const struct dc_node *head[DC_ITER_DEPTH]; /* the block opening
					   each open part */
	const struct dc_node *end[DC_ITER_DEPTH]; /* where each ends */
	int		 lv[DC_ITER_DEPTH]; /* its level, 0: the opening */
	int		 depth;		/* parts open */
	int		 flags;		/* DC_ITER_* */
	int		 tail;		/* past the last part's end */
	int		 entered;	/* next's part (if any) entered */
	int		 nblock;	/* blocks given, the current one's */
	int		 npart;		/* parts entered, the current one's */
};

void		 dc_iter_init(struct dc_iter *, const struct dc_node *,
		    const struct dc_node *, int);
enum dc_ev	 dc_iter_next(struct dc_iter *, const struct dc_node **);
void		 dc_iter_skip(struct dc_iter *, const struct dc_node *);
void		 dc_iter_skip_part(struct dc_iter *);
const struct dc_node *dc_iter_end(const struct dc_iter *);
int		 dc_iter_headings(const struct dc_iter *);

/* sent.c: a paragraph's sentences, and the sentence beads of a
 * paragraph pair (the TMX's sentence units). */
char		**dc_sentences(const char *, enum dc_lang);

/* A bead of sentences in a paragraph pair (dc_sent_align()). */
struct dc_sbead {
	int		 a;		/* sentences of the original */
	int		 b;		/* of the translation */
	int		 doubt;		/* paired with doubt: a sentence
					   alone joined to it, or lengths
					   far apart */
	int		 length;	/* its lengths far apart: the
					   length check failed */
};

struct dc_sbead	*dc_sent_align(char **, enum dc_lang, char **, enum dc_lang,
		    size_t *);

#endif /* !DOCCONV_H */
