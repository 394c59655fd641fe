/*
 * Parser internals shared by parse*.c: the decoded input as lines,
 * and the recognisers of roles that every dialect uses.
 */
#ifndef PARSE_H
#define PARSE_H

struct dc_line {
	char		*text;		/* trimmed UTF-8, owned */
	size_t		 len;		/* bytes of text */
	int		 lineno;	/* input line, from 1 */
	int		 col;		/* column of text in the line, bytes */
	int		 indent;	/* leading white space (characters) */
	int		 lang;		/* dc_text_lang(), -1 if neutral */
	int		 blank;		/* nothing but white space */
};

struct dc_input {
	char		*buf;		/* whole input, UTF-8, owned */
	size_t		 len;		/* bytes in buf */
	struct dc_line	*lines;		/* the lines, owned */
	size_t		 nlines;	/* number of lines */
};

/* input.c */
int		 dc_input_decode(const char *, size_t, const struct dc_opts *,
		    struct dc_input *);
void		 dc_input_free(struct dc_input *);

/* parse.c: shared recognisers */
enum dc_dialect	 dc_detect(const struct dc_input *);
int		 dc_is_address(const char *, int);
int		 dc_is_thanks(const char *, int);
void		 dc_seg_enum(struct dc_node *);
int		 dc_parse_date(const char *, char **, char **, char **);
void		 dc_header_lines(struct dc_doc *, const struct dc_line **, size_t);
size_t		 dc_header_end(const struct dc_line **, size_t);
void		 dc_body_roles(struct dc_doc *);
struct dc_node	*dc_block_add(struct dc_doc *, enum dc_type);
struct dc_node	*dc_seg_add(struct dc_node *, enum dc_lang, const char *,
		    int, int);
size_t		 dc_frontmatter(struct dc_doc *, const struct dc_line *, size_t);
char		*dc_join_lines(const struct dc_line **, size_t, int);

/* the readers */
struct dc_doc	*dc_parse_plain(const struct dc_input *, const struct dc_opts *);
struct dc_doc	*dc_parse_news(const struct dc_input *, const struct dc_opts *);
struct dc_doc	*dc_parse_bilingual(const struct dc_input *,
		    const struct dc_opts *);
struct dc_doc	*dc_parse_segmented(const struct dc_input *,
		    const struct dc_opts *);
struct dc_doc	*dc_parse_tei(const struct dc_input *, const struct dc_opts *);

#endif /* !PARSE_H */
