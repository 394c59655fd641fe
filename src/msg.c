/*
 * Diagnostics: one line per message, "docconv: FILE:LINE:COL: LEVEL:
 * KIND: detail" (the kind's text from the table, then what the caller
 * says), counted per kind; the worst level sets the exit status.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

static const struct {
	enum dc_level	 level;		/* how bad */
	const char	*text;		/* the kind, said first; NULL for
					   the general ones */
} msgs[DC_ERR__MAX] = {
	{ DC_LEVEL_WARNING, "invalid bytes replaced with U+FFFD" },
	{ DC_LEVEL_WARNING, "no title" },
	{ DC_LEVEL_WARNING, "Chinese text without English translation" },
	{ DC_LEVEL_WARNING, "English text without Chinese original" },
	{ DC_LEVEL_WARNING, "runs of unequal length paired" },
	{ DC_LEVEL_WARNING, "role guessed" },
	{ DC_LEVEL_WARNING, "control character removed" },
	{ DC_LEVEL_WARNING, "unusual segmentation" },
	{ DC_LEVEL_WARNING, "dialect uncertain" },
	{ DC_LEVEL_WARNING, "front matter" },
	{ DC_LEVEL_WARNING, NULL },
	{ DC_LEVEL_WARNING, "alignment to check" },
	{ DC_LEVEL_WARNING, "style file" },
	{ DC_LEVEL_ERROR, "empty input" },
	{ DC_LEVEL_ERROR, "not a text file" },
	{ DC_LEVEL_ERROR, "invalid UTF-8" },
	{ DC_LEVEL_ERROR, "cannot decode" },
	{ DC_LEVEL_ERROR, "TEI input not understood" },
	{ DC_LEVEL_ERROR, "JSON input not understood" },
	{ DC_LEVEL_ERROR, "alignment file refused" },
	{ DC_LEVEL_ERROR, NULL },
	{ DC_LEVEL_ERROR, "bad style file" },
	{ DC_LEVEL_SYSERR, "font not installed" },
	{ DC_LEVEL_SYSERR, "system error" },
};

static const char	*msg_file;		/* file being read */
static int		 msg_quiet;		/* suppress warnings */
static int		 msg_counts[DC_ERR__MAX]; /* per kind */
static GMutex		 msg_lock;		/* -j: one line at a time */

/* Thread-local: with -j each worker has its own file and level. */
static GPrivate		 msg_tls = G_PRIVATE_INIT(g_free);

/*
 * Warnings of one kind shown per file: a file with 200,000 unpaired
 * lines must not bury the one error of the batch in 200,000 lines of
 * warnings.
 */
#define MSG_MAX_SHOWN	20

struct msg_state {
	const char	*file;		/* file being read by this thread */
	const char	*tmp;		/* temporary output being written */
	const char	*final;		/* ... and the name it will have */
	enum dc_level	 worst;		/* worst level in this thread */
	int		 counts[DC_ERR__MAX]; /* this file, per kind */
	int		 nwarn;		/* this file's warnings */
	void		(*sink)(const char *, void *); /* or NULL: gets
					   each message (--report) */
	void		*sink_arg;	/* its argument */
};

static struct msg_state *
msg_state(void)
{
	struct msg_state	*s;

	if ((s = g_private_get(&msg_tls)) == NULL) {
		s = g_new0(struct msg_state, 1);
		g_private_set(&msg_tls, s);
	}
	return s;
}

void
dc_msg_set_file(const char *file)
{
	msg_state()->file = file;
	msg_file = file;
}

/*
 * While an output is written to tmp, system messages that name tmp
 * name final instead (NULL, NULL when done).  Not copied: the caller
 * keeps both strings alive meanwhile.
 */
void
dc_msg_set_output(const char *tmp, const char *final)
{
	struct msg_state	*s = msg_state();

	s->tmp = tmp;
	s->final = final;
}

void
dc_msg_set_quiet(int quiet)
{
	msg_quiet = quiet;
}

/*
 * Report a message of the given kind at line and column (0 if none),
 * with optional detail after the fixed text.  Warnings are counted
 * even when -q hides them.
 */
void
dc_msg(enum dc_err e, int line, int col, const char *fmt, ...)
{
	struct msg_state	*s = msg_state();
	const char		*file;
	va_list			 ap;
	GString			*b;

	g_mutex_lock(&msg_lock);
	msg_counts[e]++;
	g_mutex_unlock(&msg_lock);
	if (msgs[e].level > s->worst)
		s->worst = msgs[e].level;
	if (msgs[e].level == DC_LEVEL_WARNING)
		s->nwarn++;
	/* -q hides warnings from the terminal, not from a report. */
	if (msg_quiet && msgs[e].level == DC_LEVEL_WARNING &&
	    s->sink == NULL)
		return;
	if (msgs[e].level == DC_LEVEL_WARNING &&
	    ++s->counts[e] > MSG_MAX_SHOWN + 1)
		return;

	file = s->file != NULL ? s->file : msg_file;
	b = g_string_new("docconv: ");
	if (file != NULL) {
		g_string_append(b, file);
		if (line > 0)
			g_string_append_printf(b, ":%d", line);
		if (line > 0 && col > 0)
			g_string_append_printf(b, ":%d", col);
		g_string_append(b, ": ");
	}
	g_string_append(b, msgs[e].level == DC_LEVEL_WARNING ?
	    "WARNING: " : "ERROR: ");
	if (msgs[e].level == DC_LEVEL_WARNING &&
	    s->counts[e] > MSG_MAX_SHOWN) {
		g_string_append_printf(b, "more than %d warnings of this "
		    "kind%s%s%s; the rest are not shown", MSG_MAX_SHOWN,
		    msgs[e].text != NULL ? " (" : "", msgs[e].text != NULL ?
		    msgs[e].text : "", msgs[e].text != NULL ? ")" : "");
	} else {
		if (msgs[e].text != NULL)
			g_string_append(b, msgs[e].text);
		if (fmt != NULL && *fmt != '\0') {
			if (msgs[e].text != NULL)
				g_string_append(b, ": ");
			va_start(ap, fmt);
			g_string_append_vprintf(b, fmt, ap);
			va_end(ap);
		} else if (msgs[e].text == NULL)
			g_string_append(b, msgs[e].level ==
			    DC_LEVEL_WARNING ? "warning" : "input error");
	}
	if (s->sink != NULL)
		s->sink(b->str + strlen("docconv: "), s->sink_arg);
	if (msg_quiet && msgs[e].level == DC_LEVEL_WARNING) {
		g_string_free(b, TRUE);
		return;
	}
	g_string_append_c(b, '\n');
	g_mutex_lock(&msg_lock);
	fputs(b->str, stderr);
	g_mutex_unlock(&msg_lock);
	g_string_free(b, TRUE);
}

/*
 * Report a system or library failure (exit status 3).
 */
void
dc_msg_sys(const char *fmt, ...)
{
	struct msg_state	*s = msg_state();
	va_list			 ap;
	char			*m;

	va_start(ap, fmt);
	m = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	/* Name the output the user asked for, not its temporary file. */
	if (s->tmp != NULL && s->final != NULL && strstr(m, s->tmp) != NULL) {
		char **v = g_strsplit(m, s->tmp, -1);
		g_free(m);
		m = g_strjoinv(s->final, v);
		g_strfreev(v);
	}
	g_mutex_lock(&msg_lock);
	msg_counts[DC_ERR_SYS]++;
	fprintf(stderr, "docconv: %s\n", m);
	g_mutex_unlock(&msg_lock);
	if (s->sink != NULL)
		s->sink(m, s->sink_arg);
	s->worst = DC_LEVEL_SYSERR;
	g_free(m);
}

/*
 * The worst level seen by this thread since dc_msg_reset().
 */
enum dc_level
dc_msg_level(void)
{
	return msg_state()->worst;
}

void
dc_msg_reset(void)
{
	struct msg_state	*s = msg_state();

	s->worst = DC_LEVEL_OK;
	s->nwarn = 0;
	memset(s->counts, 0, sizeof(s->counts));
}

/*
 * The warnings reported by this thread since dc_msg_reset(), -q or
 * not.
 */
int
dc_msg_warnings(void)
{
	return msg_state()->nwarn;
}

/*
 * Also pass every message of this thread, less "docconv: " and the
 * newline, to sink(message, arg), for a report; NULL stops it.
 */
void
dc_msg_set_sink(void (*sink)(const char *, void *), void *arg)
{
	struct msg_state	*s = msg_state();

	s->sink = sink;
	s->sink_arg = arg;
}

/*
 * How often a message of this kind was reported (all threads).
 */
int
dc_msg_count(enum dc_err e)
{
	int	 n;

	g_mutex_lock(&msg_lock);
	n = msg_counts[e];
	g_mutex_unlock(&msg_lock);
	return n;
}
