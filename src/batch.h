/* batch.h: one run of docconv over its inputs (batch.c, opts.c). */
#ifndef BATCH_H
#define BATCH_H

/* Exit statuses (also in docconv.1 and README.md). */
#define EXIT_OK		0
#define EXIT_INPUT	1
#define EXIT_USAGE	2
#define EXIT_SYSTEM	3

/* What to convert and how, as the options left it (opts.c). */
struct run {
	struct dc_opts	 opts;		/* shared options */
	int		 formats;	/* DC_FMT_* bits */
	const char	*outarg;	/* -o argument, or NULL */
	int		 outdir;	/* -o names a directory */
	int		 keep_tree;	/* --keep-tree: mirror the inputs'
					   directories under it */
	int		 nout;		/* outputs per file */
	char		**files;	/* inputs (g_strfreev) */
	size_t		 nfiles;	/* number of files */
	int		 njobs;		/* -j: worker processes */
	int		 skip_existing;	/* --skip-existing */
	const char	*report;	/* --report FILE, or NULL */
	int		 report_append;	/* --report-append FILE */
	const char	*review;	/* --alignment-report FILE, or NULL */
	const char	*list;		/* --files-from FILE, or NULL */
	char		**refused;	/* per input: why it is refused
					   unread, or NULL (batch.c) */
};

/* A backend: --OPTION writes FILE with suffix ext (a row of
 * backends.def, in batch.c's table). */
struct dc_backend {
	int		 flag;		/* DC_FMT_* */
	const char	*option;	/* --OPTION, without the dashes */
	const char	*help;		/* its line in --help */
	const char	*ext;		/* output name suffix */
	const char	*binary;	/* "a PDF": never to a terminal;
					   NULL for text */
	int		(*render)(const struct dc_doc *,
			    const struct dc_opts *, const char *);
};
extern const struct dc_backend	dc_backends[DC_BE__MAX];
extern const size_t		dc_nbackends;

int	 batch_run(struct run *);

#endif /* !BATCH_H */
