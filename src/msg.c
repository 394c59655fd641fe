/*
 * Diagnostics: one line per message, "docconv: FILE:LINE:COL: LEVEL:
 * KIND: detail" (the kind's text from the table, then what the caller
 * says), counted per kind; the worst level sets the exit status.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "docconv.h"

static const struct {
	enum dc_level	 level;		/* how bad */
	const char	*text;		/* the kind, said first; NULL for
					   the general ones */
} msgs[DC_ERR__MAX] = {
	[DC_WARN_LENIENT] = { DC_LEVEL_WARNING,
	    "invalid bytes replaced with U+FFFD" },
	[DC_WARN_NO_TITLE] = { DC_LEVEL_WARNING, "no title" },
	[DC_WARN_UNPAIRED_ZH] = { DC_LEVEL_WARNING,
	    "Chinese text without English translation" },
	[DC_WARN_UNPAIRED_EN] = { DC_LEVEL_WARNING,
	    "English text without Chinese original" },
	[DC_WARN_RUN_LENGTH] = { DC_LEVEL_WARNING,
	    "runs of unequal length paired" },
	[DC_WARN_ROLE] = { DC_LEVEL_WARNING, "role guessed" },
	[DC_WARN_CONTROL] = { DC_LEVEL_WARNING, "control character removed" },
	[DC_WARN_TOKENS] = { DC_LEVEL_WARNING, "unusual segmentation" },
	[DC_WARN_DIALECT] = { DC_LEVEL_WARNING, "dialect uncertain" },
	[DC_WARN_FRONTMATTER] = { DC_LEVEL_WARNING, "front matter" },
	[DC_WARN_GENERIC] = { DC_LEVEL_WARNING, NULL },
	[DC_WARN_ALIGN] = { DC_LEVEL_WARNING, "alignment to check" },
	[DC_WARN_STYLE] = { DC_LEVEL_WARNING, "style file" },
	[DC_ERR_EMPTY] = { DC_LEVEL_ERROR, "empty input" },
	[DC_ERR_BINARY] = { DC_LEVEL_ERROR, "not a text file" },
	[DC_ERR_UTF8] = { DC_LEVEL_ERROR, "invalid UTF-8" },
	[DC_ERR_ENCODING] = { DC_LEVEL_ERROR, "cannot decode" },
	[DC_ERR_TEI] = { DC_LEVEL_ERROR, "TEI input not understood" },
	[DC_ERR_JSON] = { DC_LEVEL_ERROR, "JSON input not understood" },
	[DC_ERR_ALIGNMENT] = { DC_LEVEL_ERROR, "alignment file refused" },
	[DC_ERR_INPUT] = { DC_LEVEL_ERROR, NULL },
	[DC_ERR_STYLE] = { DC_LEVEL_ERROR, "bad style file" },
	[DC_ERR_CLASH] = { DC_LEVEL_USAGE, "output refused" },
	[DC_ERR_META] = { DC_LEVEL_USAGE, "metadata file refused" },
	[DC_ERR_FONT] = { DC_LEVEL_SYSERR, "font not installed" },
	[DC_ERR_SYS] = { DC_LEVEL_SYSERR, "system error" },
};

static const char	*msg_file;		/* file being read */
static int		 msg_quiet;		/* suppress warnings */
static const char	*msg_clear = "";	/* before each line: "\r\033[K"
					   over a progress line */
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

/* A thread working for another: that one's state (dc_msg_adopt()). */
static GPrivate		 msg_adopted = G_PRIVATE_INIT(NULL);

static struct msg_state *
msg_state(void)
{
	struct msg_state	*s;

	if ((s = g_private_get(&msg_adopted)) != NULL)
		return s;
	if ((s = g_private_get(&msg_tls)) == NULL) {
		s = g_new0(struct msg_state, 1);
		g_private_set(&msg_tls, s);
	}
	return s;
}

/*
 * The calling thread's messages, for a thread it starts to work for it
 * (the typesetter beside the PDF's painter): that thread calls
 * dc_msg_adopt() with it, and its messages count for the file, reach
 * the report and name the file as the caller's do.  The caller keeps
 * running until that thread is joined.
 */
void *
dc_msg_context(void)
{
	return msg_state();
}

void
dc_msg_adopt(void *ctx)
{
	g_private_set(&msg_adopted, ctx);
}

/*
 * A value is shown at most this long: a 10 MB style value or a
 * sidecar's line must not flood the terminal.  A whole message built
 * elsewhere and given as "%s" has the longer limit.
 */
#define MSG_MAX_VALUE	200
#define MSG_MAX_WHOLE	1000

/*
 * Append the first n bytes of s to b as a message shows a value: C0
 * and C1 controls and DEL escaped (\n, \t, \r, \xNN, \u0080), so that
 * no terminal control reaches the terminal from an input; bytes that
 * are not UTF-8 as \xNN; cut after max bytes with "..." after.
 */
static void
msg_value(GString *b, const char *s, size_t n, size_t max)
{
	const char	*p = s, *end = s + n, *q;
	gunichar	 c;
	size_t		 start = b->len;

	while (p < end) {
		if (b->len - start >= max) {
			g_string_append(b, "...");
			break;
		}
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_append_printf(b, "\\x%02X",
			    (unsigned char)*p++);
			continue;
		}
		q = g_utf8_next_char(p);
		if (c == '\n')
			g_string_append(b, "\\n");
		else if (c == '\t')
			g_string_append(b, "\\t");
		else if (c == '\r')
			g_string_append(b, "\\r");
		else if (c < 0x20 || c == 0x7F)
			g_string_append_printf(b, "\\x%02X", c);
		else if (c >= 0x80 && c < 0xA0)
			g_string_append_printf(b, "\\u%04X", c);
		else
			g_string_append_len(b, p, q - p);
		p = q;
	}
}

/*
 * A value as messages show it (see msg_value()), for a message built
 * before it is reported.  Returns it (g_free()).
 */
char *
dc_msg_value(const char *s)
{
	GString	*b = g_string_new(NULL);

	msg_value(b, s != NULL ? s : "(null)", s != NULL ? strlen(s) : 6,
	    MSG_MAX_VALUE);
	return g_string_free(b, FALSE);
}

/*
 * One conversion of a format (from '%' to its letter), with the
 * argument its letter takes.  The spec is cut from a format that the
 * compiler checked at dc_msg()'s call.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
msg_conv(GString *b, const char *spec, char len, char conv, va_list *ap)
{
	switch (conv) {
	case 'd':
	case 'i':
		if (len == 'l')
			g_string_append_printf(b, spec, va_arg(*ap, long));
		else if (len == 'L')
			g_string_append_printf(b, spec, va_arg(*ap,
			    long long));
		else if (len == 'z')
			g_string_append_printf(b, spec, va_arg(*ap, gssize));
		else
			g_string_append_printf(b, spec, va_arg(*ap, int));
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		if (len == 'l')
			g_string_append_printf(b, spec, va_arg(*ap,
			    unsigned long));
		else if (len == 'L')
			g_string_append_printf(b, spec, va_arg(*ap,
			    unsigned long long));
		else if (len == 'z')
			g_string_append_printf(b, spec, va_arg(*ap, size_t));
		else
			g_string_append_printf(b, spec, va_arg(*ap,
			    unsigned int));
		break;
	case 'c':
		g_string_append_printf(b, spec, va_arg(*ap, int));
		break;
	case 'e':
	case 'f':
	case 'g':
		g_string_append_printf(b, spec, va_arg(*ap, double));
		break;
	case 'p':
		g_string_append_printf(b, spec, va_arg(*ap, void *));
		break;
	default:
		abort();	/* a format docconv does not use */
	}
}
#pragma GCC diagnostic pop

/*
 * Append fmt with its arguments to b as printf would, each string
 * argument shown as a value (msg_value()): escaped and cut.  A format
 * of "%s" alone is a message built elsewhere, cut at the longer
 * limit.
 */
static void
msg_vformat(GString *b, const char *fmt, va_list ap)
{
	va_list		 aq;
	char		 spec[32], len;
	const char	*p, *v;
	size_t		 k, prec;
	int		 star;

	va_copy(aq, ap);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			g_string_append_c(b, *p);
			continue;
		}
		if (p[1] == '%') {
			g_string_append_c(b, *++p);
			continue;
		}
		k = 0;
		spec[k++] = *p++;
		while (*p != '\0' && strchr("-+ #0", *p) != NULL &&
		    k < sizeof(spec) - 8)
			spec[k++] = *p++;
		while (g_ascii_isdigit(*p) && k < sizeof(spec) - 8)
			spec[k++] = *p++;
		star = 0;
		prec = (size_t)-1;
		if (*p == '.') {
			spec[k++] = *p++;
			if (*p == '*') {
				star = va_arg(aq, int);
				prec = star < 0 ? (size_t)-1 : (size_t)star;
				k += (size_t)g_snprintf(spec + k,
				    sizeof(spec) - k, "%d", star < 0 ? 0 : star);
				p++;
			} else {
				prec = strtoul(p, NULL, 10);
				while (g_ascii_isdigit(*p) &&
				    k < sizeof(spec) - 8)
					spec[k++] = *p++;
			}
		}
		len = '\0';
		while (*p == 'l' || *p == 'h' || *p == 'z') {
			len = *p == 'l' && len == 'l' ? 'L' : *p;
			spec[k++] = *p++;
		}
		if (*p == '\0')
			break;
		if (*p == 's') {
			v = va_arg(aq, const char *);
			if (v == NULL)
				v = "(null)";
			msg_value(b, v, prec == (size_t)-1 ? strlen(v) :
			    strnlen(v, prec), strcmp(fmt, "%s") == 0 ?
			    MSG_MAX_WHOLE : MSG_MAX_VALUE);
			continue;
		}
		spec[k++] = *p;
		spec[k] = '\0';
		msg_conv(b, spec, len, *p, &aq);
	}
	va_end(aq);
}

void
dc_msg_set_file(const char *file)
{
	msg_state()->file = file;
	msg_file = file;
}

/* The file this thread's messages name, or NULL. */
const char *
dc_msg_file(void)
{
	return msg_state()->file;
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

/*
 * Standard error is a terminal showing a progress line (drawn with the
 * cursor left at its start): each message first clears that line, so
 * that none is printed over it.
 */
void
dc_msg_set_progress(int on)
{
	msg_clear = on ? "\r\033[K" : "";
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
	va_list	 ap;

	va_start(ap, fmt);
	dc_msg_v(e, line, col, fmt, ap);
	va_end(ap);
}

/* dc_msg() with its arguments in ap, for a reporter of its own. */
void
dc_msg_v(enum dc_err e, int line, int col, const char *fmt, va_list ap)
{
	struct msg_state	*s = msg_state();
	const char		*file;
	GString			*b;
	int			 shown = 0;

	/* Under the lock: a thread adopted by s's may report too. */
	g_mutex_lock(&msg_lock);
	msg_counts[e]++;
	if (msgs[e].level > s->worst)
		s->worst = msgs[e].level;
	if (msgs[e].level == DC_LEVEL_WARNING)
		shown = ++s->counts[e], s->nwarn++;
	g_mutex_unlock(&msg_lock);
	/* -q hides warnings from the terminal, not from a report. */
	if (msg_quiet && msgs[e].level == DC_LEVEL_WARNING &&
	    s->sink == NULL)
		return;
	if (shown > MSG_MAX_SHOWN + 1)
		return;

	file = s->file != NULL ? s->file : msg_file;
	b = g_string_new("docconv: ");
	if (file != NULL) {
		msg_value(b, file, strlen(file), (size_t)-1);
		if (line > 0)
			g_string_append_printf(b, ":%d", line);
		if (line > 0 && col > 0)
			g_string_append_printf(b, ":%d", col);
		g_string_append(b, ": ");
	}
	g_string_append(b, msgs[e].level == DC_LEVEL_WARNING ?
	    "WARNING: " : "ERROR: ");
	if (shown > MSG_MAX_SHOWN) {
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
			msg_vformat(b, fmt, ap);
		} else if (msgs[e].text == NULL)
			g_string_append(b, msgs[e].level ==
			    DC_LEVEL_WARNING ? "warning" : "input error");
	}
	g_mutex_lock(&msg_lock);
	if (s->sink != NULL)
		s->sink(b->str + strlen("docconv: "), s->sink_arg);
	g_mutex_unlock(&msg_lock);
	if (msg_quiet && msgs[e].level == DC_LEVEL_WARNING) {
		g_string_free(b, TRUE);
		return;
	}
	g_string_append_c(b, '\n');
	g_mutex_lock(&msg_lock);
	fputs(msg_clear, stderr);
	fputs(b->str, stderr);
	g_mutex_unlock(&msg_lock);
	g_string_free(b, TRUE);
}

/*
 * Report a call that is wrong (the caller returns exit status 2): the
 * message alone after "docconv: ", its values escaped and cut as every
 * message's are, over a progress line as they are.
 */
void
dc_msg_usage(const char *fmt, ...)
{
	va_list	 ap;
	GString	*b = g_string_new("docconv: ");

	va_start(ap, fmt);
	msg_vformat(b, fmt, ap);
	va_end(ap);
	g_string_append_c(b, '\n');
	g_mutex_lock(&msg_lock);
	fputs(msg_clear, stderr);
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
	GString			*b = g_string_new(NULL);
	char			*m;

	va_start(ap, fmt);
	msg_vformat(b, fmt, ap);
	va_end(ap);
	m = g_string_free(b, FALSE);
	/* Name the output the user asked for, not its temporary file. */
	if (s->tmp != NULL && s->final != NULL && strstr(m, s->tmp) != NULL) {
		char **v = g_strsplit(m, s->tmp, -1);
		g_free(m);
		m = g_strjoinv(s->final, v);
		g_strfreev(v);
	}
	g_mutex_lock(&msg_lock);
	msg_counts[DC_ERR_SYS]++;
	fprintf(stderr, "%sdocconv: %s\n", msg_clear, m);
	if (s->sink != NULL)
		s->sink(m, s->sink_arg);
	s->worst = DC_LEVEL_SYSERR;
	g_mutex_unlock(&msg_lock);
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
