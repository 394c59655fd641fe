/*
 * docconv's batches: the table of backends, output naming, serial and
 * parallel conversion (-j) of the inputs, and the exit status.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "docconv.h"
#include "output.h"
#include "style.h"
#include "batch.h"

/*
 * Every backend, one row of backends.def each, indexed by DC_BE_*:
 * its option (opts.c makes --OPTION and its help from it), its
 * output name's suffix, its writer.  The fuzz harness writes each
 * (tests/fuzz_parse.c).
 */
const struct dc_backend dc_backends[DC_BE__MAX] = {
#define DC_BACKEND(id, opt, help, ext, bin, fn)	\
	[DC_BE_##id] = { DC_FMT_##id, opt, help, ext, bin, fn },
#include "backends.def"
#undef DC_BACKEND
};
const size_t dc_nbackends = G_N_ELEMENTS(dc_backends);

static int
level_exit(enum dc_level l)
{
	switch (l) {
	case DC_LEVEL_OK:
	case DC_LEVEL_WARNING:
		return EXIT_OK;
	case DC_LEVEL_ERROR:
		return EXIT_INPUT;
	case DC_LEVEL_USAGE:
		return EXIT_USAGE;
	case DC_LEVEL_SYSERR:
		return EXIT_SYSTEM;
	default:
		abort();
	}
}

/*
 * The stem of an input name: its base name less ".tei.xml" or the
 * last extension ("speech.txt" -> "speech").  Returns g_malloc'd.
 */
static char *
out_stem(const char *in)
{
	char	*b, *dot;
	size_t	 n;

	if (strcmp(in, "-") == 0)
		return g_strdup("stdin");
	b = g_path_get_basename(in);
	n = strlen(b);
	if (n > 8 && g_ascii_strcasecmp(b + n - 8, ".tei.xml") == 0)
		b[n - 8] = '\0';
	else if ((dot = strrchr(b, '.')) != NULL && dot != b)
		*dot = '\0';
	return b;
}

/*
 * --keep-tree: the directory under -o DIR that mirrors the input's
 * ("corpus/a/x.txt" -> "DIR/corpus/a"; an absolute name loses its
 * leading "/", "." components go).  Returns g_malloc'd.
 */
static char *
out_tree(const char *outdir, const char *in)
{
	char	*dir, **parts, *sub, *path;
	GString	*b;
	size_t	 i;

	dir = g_path_get_dirname(in);
	parts = g_strsplit(dir, "/", -1);
	b = g_string_new(NULL);
	for (i = 0; parts[i] != NULL; i++) {
		if (*parts[i] == '\0' || strcmp(parts[i], ".") == 0)
			continue;
		if (b->len > 0)
			g_string_append_c(b, '/');
		g_string_append(b, parts[i]);
	}
	sub = g_string_free(b, FALSE);
	path = *sub != '\0' ? g_build_filename(outdir, sub, NULL) :
	    g_strdup(outdir);
	g_strfreev(parts);
	g_free(dir);
	g_free(sub);
	return path;
}

/* Does a name go above where it starts ("../x.txt", "a/../../x")? */
static int
out_tree_escapes(const char *in)
{
	char	**parts;
	size_t	 i;
	int	 depth = 0, rc = 0;

	parts = g_strsplit(in, "/", -1);
	for (i = 0; parts[i] != NULL && !rc; i++) {
		if (strcmp(parts[i], "..") == 0)
			rc = --depth < 0;
		else if (*parts[i] != '\0' && strcmp(parts[i], ".") != 0)
			depth++;
	}
	g_strfreev(parts);
	return rc;
}

/*
 * Where the output of one format for one input goes: NULL means
 * standard output.  *err is set if the name cannot be used.
 */
static char *
out_path(const struct run *r, const char *in, const struct dc_backend *be,
    int *err)
{
	char	*stem, *dir, *name, *path;

	*err = 0;
	if (r->outarg != NULL && strcmp(r->outarg, "-") == 0)
		return NULL;
	if (r->outarg != NULL && !r->outdir)
		return g_strdup(r->outarg);
	if (r->outarg == NULL && strcmp(in, "-") == 0) {
		if (r->nout == 1)
			return NULL;
		*err = 1;
		return NULL;
	}
	stem = out_stem(in);
	name = g_strconcat(stem, be->ext, NULL);
	dir = r->outarg == NULL ? g_path_get_dirname(in) : r->keep_tree ?
	    out_tree(r->outarg, in) : g_strdup(r->outarg);
	path = g_build_filename(dir, name, NULL);
	g_free(stem);
	g_free(name);
	g_free(dir);
	return path;
}

/*
 * A key naming the file at path, equal for two names of one file: its
 * device and inode where it exists, else its absolute path with the
 * directory's links resolved.  NULL for standard input and for what is
 * not a regular file (a device or FIFO is written like standard
 * output, never replaced).  Returns g_malloc'd.
 */
static char *
path_key(const char *path)
{
	GStatBuf	 st;
	char		*dir, *real, *base, *key;

	if (path == NULL || strcmp(path, "-") == 0)
		return NULL;
	if (g_stat(path, &st) == 0)
		return S_ISREG(st.st_mode) ? g_strdup_printf("%ju:%ju",
		    (uintmax_t)st.st_dev, (uintmax_t)st.st_ino) : NULL;
	dir = g_path_get_dirname(path);
	base = g_path_get_basename(path);
	if ((real = realpath(dir, NULL)) != NULL)
		key = g_build_filename(real, base, NULL);
	else
		key = g_canonicalize_filename(path, NULL);
	free(real);
	g_free(dir);
	g_free(base);
	return key;
}

/* One file a run reads or writes, for clash_add(). */
struct use {
	char		*name;		/* "the input a.txt", "--report r" */
	char		*path;		/* the name as given */
	long		 k;		/* input index, or -1: the run's */
	int		 out;		/* written */
};

/* What clash_add() keeps: the first reader and writer of each file. */
struct clashes {
	GHashTable	*seen;		/* key -> struct use[2]: in, out */
	struct run	*r;
	int		 usage;		/* a clash of the run's own files */
};

static void
use_free(gpointer p)
{
	struct use	*u = p;

	g_free(u[0].name);
	g_free(u[0].path);
	g_free(u[1].name);
	g_free(u[1].path);
	g_free(u);
}

/* Refuse input k (its first reason is kept and said at its turn). */
static void
clash_refuse(struct run *r, long k, char *why)
{
	if (r->refused[k] == NULL)
		r->refused[k] = why;
	else
		g_free(why);
}

/*
 * The use u of a file clashes with an earlier one, was: input files of
 * the batch are refused (both, for two writers); a file of the run
 * (--report, --translation, ...) makes the call a usage error.
 */
static void
clash_one(struct clashes *c, const struct use *was, const struct use *u)
{
	char	*why;

	if (was->out && was->k >= 0 && u->k >= 0 && was->k != u->k)
		why = g_strdup_printf("%s and %s would both write %s; "
		    "convert them apart, or into different -o directories",
		    c->r->files[was->k], c->r->files[u->k], u->path);
	else if (was->out)
		why = g_strdup_printf("%s and %s are one file: give them "
		    "different names", was->name, u->name);
	else
		why = g_strdup_printf("%s would overwrite %s; choose "
		    "another name", u->name, was->name);
	if (was->k < 0 || u->k < 0) {
		dc_msg_usage("%s", why);
		g_free(why);
		c->usage = 1;
		return;
	}
	if (was->out && was->k != u->k)
		clash_refuse(c->r, was->k, g_strdup(why));
	clash_refuse(c->r, u->out ? u->k : was->k, why);
}

/*
 * Note that input k (-1: the run) reads or writes path, named in
 * messages as what and path.  An output that is a file read or written
 * before is a clash.
 */
static void
clash_add(struct clashes *c, const char *path, long k, int out,
    const char *what)
{
	struct use	*u, now;
	char		*key;

	if ((key = path_key(path)) == NULL)
		return;
	now.name = g_strdup_printf("%s %s", what, path);
	now.path = g_strdup(path);
	now.k = k;
	now.out = out;
	if ((u = g_hash_table_lookup(c->seen, key)) == NULL) {
		u = g_new0(struct use, 2);
		g_hash_table_insert(c->seen, key, u);
	} else
		g_free(key);
	if (out && u[0].name != NULL)
		clash_one(c, &u[0], &now);
	if (u[1].name != NULL && (out || u[0].name == NULL))
		clash_one(c, &u[1], &now);
	if (u[out].name == NULL)
		u[out] = now;
	else {
		g_free(now.name);
		g_free(now.path);
	}
}

/*
 * An input named twice (x.txt and ./x.txt, or twice in --files-from)
 * is converted once: the later names are dropped, with a warning.
 */
static void
batch_dedup(struct run *r)
{
	GHashTable	*seen;
	char		*key;
	const char	*first;
	size_t		 i, n = 0;

	seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (i = 0; i < r->nfiles; i++) {
		if ((key = path_key(r->files[i])) == NULL) {
			r->files[n++] = r->files[i];
			continue;
		}
		if ((first = g_hash_table_lookup(seen, key)) == NULL) {
			g_hash_table_insert(seen, key, r->files[i]);
			r->files[n++] = r->files[i];
			continue;
		}
		dc_msg_set_file(r->files[i]);
		dc_msg(DC_WARN_GENERIC, 0, 0, "the same file as %s, named "
		    "before it: converted once", first);
		dc_msg_set_file(NULL);
		g_free(key);
		g_free(r->files[i]);
	}
	g_hash_table_destroy(seen);
	r->files[n] = NULL;
	r->nfiles = n;
	dc_msg_reset();
}

/*
 * Before anything is read or written: no output may be a file the run
 * reads (the inputs, their sidecars, --translation, --alignment,
 * --meta-file, --style, --files-from) or another output.  An input
 * whose outputs clash is refused (r->refused) and the others
 * converted; a clash of the run's own files is a usage error.
 * Returns 0, or -1 after saying why.
 */
static int
batch_clashes(struct run *r)
{
	struct clashes	 c;
	const struct dc_opts *o = &r->opts;
	char		*path, *side;
	size_t		 i, k;
	int		 err;

	c.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    use_free);
	c.r = r;
	c.usage = 0;
	r->refused = g_new0(char *, r->nfiles);
	clash_add(&c, o->translation, -1, 0, "--translation");
	clash_add(&c, o->alignment, -1, 0, "--alignment");
	clash_add(&c, o->meta_file, -1, 0, "--meta-file");
	clash_add(&c, o->style != NULL ? o->style->file : NULL, -1, 0,
	    "--style");
	clash_add(&c, r->list, -1, 0, "--files-from");
	for (i = 0; i < r->nfiles; i++) {
		if (r->keep_tree && out_tree_escapes(r->files[i]))
			clash_refuse(r, i, g_strdup("--keep-tree: the name "
			    "goes above the directory it starts from, which "
			    "-o DIR cannot mirror; give it without \"..\""));
		clash_add(&c, r->files[i], i, 0, "the input");
		if (o->meta_file == NULL &&
		    (side = dc_pub_sidecar(r->files[i])) != NULL) {
			if (g_file_test(side, G_FILE_TEST_EXISTS))
				clash_add(&c, side, i, 0, "the metadata file");
			g_free(side);
		}
	}
	clash_add(&c, r->report, -1, 1, "--report");
	clash_add(&c, r->review, -1, 1, "--alignment-report");
	for (i = 0; i < r->nfiles; i++)
		for (k = 0; k < dc_nbackends; k++) {
			if (!(r->formats & dc_backends[k].flag))
				continue;
			path = out_path(r, r->files[i], &dc_backends[k], &err);
			clash_add(&c, path, i, 1, r->outarg != NULL &&
			    !r->outdir ? "-o" : "the output");
			g_free(path);
		}
	g_hash_table_destroy(c.seen);
	return c.usage ? -1 : 0;
}

/*
 * Remove the temporary files of this run's outputs that a run killed
 * with SIGKILL left (dc_output_sweep()).
 */
static void
batch_sweep(const struct run *r)
{
	GPtrArray	*finals;
	size_t		 i, k;
	int		 err;

	finals = g_ptr_array_new_with_free_func(g_free);
	for (i = 0; i < r->nfiles; i++)
		for (k = 0; k < dc_nbackends; k++)
			if (r->formats & dc_backends[k].flag)
				g_ptr_array_add(finals, out_path(r,
				    r->files[i], &dc_backends[k], &err));
	if (r->review != NULL && strcmp(r->review, "-") != 0)
		g_ptr_array_add(finals, g_strdup(r->review));
	dc_output_sweep((char *const *)finals->pdata, finals->len);
	g_ptr_array_free(finals, TRUE);
}

/*
 * SIGINT, SIGTERM and SIGHUP stop a run.  A process converting a file
 * removes its temporary output (dc_output_discard()) and dies of the
 * signal, so the exit status is 128+n and no part of a file remains.
 * The parent of -j workers only passes SIGTERM on to them and notes
 * the signal: its loop then stops feeding files, collects what the
 * workers finished, and dies of the same signal (batch_die()).
 */
static volatile sig_atomic_t	 batch_sig;	/* signal caught, or 0 */
static pid_t			*batch_workers;	/* -j parent: its workers */
static int			 batch_nworkers; /* entries in it */
static int			 batch_quiet;	/* -q: no message */
static const char		*batch_clear = ""; /* before a line: clear
					   the progress line */

static const int	 batch_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void
batch_on_signal(int sig)
{
	sigset_t	 set;
	int		 j, e = errno;

	batch_sig = sig;
	if (batch_workers != NULL) {
		for (j = 0; j < batch_nworkers; j++)
			if (batch_workers[j] > 0)
				(void)kill(batch_workers[j], SIGTERM);
		errno = e;
		return;
	}
	dc_output_discard();
	if (!batch_quiet) {
		static const char m[] = "docconv: stopped by a signal; the "
		    "file being converted was discarded\n";
		(void)write(STDERR_FILENO, m, sizeof(m) - 1);
	}
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	errno = e;
}

/*
 * Catch the stopping signals, except one ignored when we started
 * (nohup, or a background job's SIGINT): that one stays ignored.
 * Without SA_RESTART, so that the -j parent's read() returns.
 */
static void
batch_signals_catch(void)
{
	struct sigaction	 sa, old;
	size_t			 i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = batch_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < G_N_ELEMENTS(batch_signals); i++)
		sigaddset(&sa.sa_mask, batch_signals[i]);
	for (i = 0; i < G_N_ELEMENTS(batch_signals); i++)
		if (sigaction(batch_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(batch_signals[i], &sa, NULL);
}

/*
 * Once the first output of a file is in place the file is finished,
 * not discarded: the stopping signals wait (blocked) until its other
 * outputs, its report line and its answer to the parent are written.
 */
static sigset_t		 held_mask;	/* the mask before batch_hold() */
static int		 held;		/* signals are held */

static void
batch_hold(void)
{
	sigset_t	 set;
	size_t		 i;

	if (held)
		return;
	sigemptyset(&set);
	for (i = 0; i < G_N_ELEMENTS(batch_signals); i++)
		sigaddset(&set, batch_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, &held_mask);
	held = 1;
}

/* Let a held signal in: it is delivered (and stops us) here. */
static void
batch_release(void)
{
	if (!held)
		return;
	held = 0;
	pthread_sigmask(SIG_SETMASK, &held_mask, NULL);
}

/* After a caught signal: die of it, as the shell expects (128+n). */
static void
batch_die(void)
{
	int	 sig = batch_sig;

	fflush(NULL);
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/*
 * With -j, workers share standard output: a write lock (fcntl) on a
 * temporary file is taken before printing a model and released after,
 * so that models never interleave.  The kernel releases the lock of a
 * worker that dies holding it (a pipe's token would be lost with it,
 * and every other worker wait for it forever).  -1 when not parallel.
 */
static int	 dump_lock = -1;

/* Take (F_WRLCK) or release (F_UNLCK) the output lock; 0 or -1. */
static int
dump_lock_set(short type)
{
	struct flock	 fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 1;
	while (fcntl(dump_lock, F_SETLKW, &fl) == -1)
		if (errno != EINTR)
			return -1;
	return 0;
}

/*
 * -j: what the workers print (models, JSON Lines, beads) goes through
 * a spool, a memory file: a worker adds each file's text whole, under
 * the output lock, and tells its parent where; the parent prints the
 * texts in input order and frees their pages.
 */
static int	 spool_fd = -1;		/* the spool, or -1 */
static GString	*spool_text;		/* worker: this file's text */
static int64_t	*spool_at;		/* parent: file k's offset ... */
static int64_t	*spool_len;		/* ... and length, or 0 */
static size_t	 spool_next;		/* parent: the next file to print */
static int	 spool_err;		/* parent: printing failed (errno) */

/*
 * Print a text made in memory (the model, dc_json_text(),
 * dc_align_dump()) whole on standard output, under the -j lock, and
 * free() it; what says what a failed write was doing.  Returns 0 or
 * -1 (reported).
 */
static int
dump_text(char *buf, size_t len, const char *what)
{
	int	 rc = -1;

	if (spool_text != NULL) {
		g_string_append_len(spool_text, buf, (gssize)len);
		free(buf);
		return 0;
	}
	if (dump_lock != -1 && dump_lock_set(F_WRLCK) == -1) {
		dc_msg_sys("-j: cannot lock the output: %s",
		    g_strerror(errno));
		goto out;
	}
	if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
		dc_msg_sys("%s: %s", what, g_strerror(errno));
	else
		rc = 0;
	if (dump_lock != -1)
		dump_lock_set(F_UNLCK);
out:
	free(buf);
	return rc;
}

/* Print the model whole: built in memory, written under the token. */
static int
dump_model(const struct run *r, const struct dc_doc *doc)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	if ((f = open_memstream(&buf, &len)) == NULL) {
		dc_msg_sys("memory: %s", g_strerror(errno));
		return -1;
	}
	if (render_tree(doc, &r->opts, f) == -1) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	return dump_text(buf, len, "writing the model");
}

/*
 * --dump-alignment and --json -o -: the beads, and the model as one
 * JSON line naming the input in as given, on standard output.  Returns
 * 0 or -1 (reported).
 */
static int
dump_json_align(const struct run *r, const struct dc_doc *doc,
    const char *in)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f;

	if (r->formats & DC_FMT_ALIGN) {
		if ((f = open_memstream(&buf, &len)) == NULL) {
			dc_msg_sys("memory: %s", g_strerror(errno));
			return -1;
		}
		if (dc_align_dump(doc, f) == -1) {
			fclose(f);
			free(buf);
			return -1;
		}
		fclose(f);
		if (dump_text(buf, len, "writing to standard output") == -1)
			return -1;
	}
	if (r->formats & DC_FMT_JSONL) {
		char *t = dc_json_line(doc, in, &len);
		/* dump_text() frees with free(): copy out of GLib's. */
		buf = malloc(len);
		if (buf == NULL) {
			g_free(t);
			dc_msg_sys("memory: %s", g_strerror(errno));
			return -1;
		}
		memcpy(buf, t, len);
		g_free(t);
		if (dump_text(buf, len, "writing to standard output") == -1)
			return -1;
	}
	return 0;
}

/*
 * What became of one input, as a worker tells its parent through a
 * pipe (in one write of less than PIPE_BUF bytes).
 */
struct result {
	int		 k;		/* index in the file list */
	int		 level;		/* enum dc_level: worst message */
	int		 skipped;	/* --skip-existing: up to date */
	int		 nwarn;		/* warnings */
	int		 report_err;	/* its --report line was lost */
	int64_t		 spool_at;	/* -j: its text in the spool ... */
	int64_t		 spool_len;	/* ... and its length, or 0 */
};

/* Running counts of a batch, for the progress and summary lines. */
struct tally {
	size_t		 total;		/* inputs */
	size_t		 done;		/* answered, in any way */
	size_t		 converted;	/* converted (maybe with warnings) */
	size_t		 skipped;	/* up to date (--skip-existing) */
	size_t		 failed;	/* refused or failed */
	size_t		 warnings;	/* warnings, all files */
	int		 report_err;	/* a --report line was lost */
	gint64		 start;		/* monotonic µs at the start */
	gint64		 shown;		/* ... when progress was last drawn */
};

/*
 * The newest modification time of what outputs depend on besides their
 * input (--skip-existing): the docconv binary, the style file, the
 * --meta-file and the template directory in use, if they were given.
 */
static struct timespec	 dep_time;

static int
ts_newer(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec ||
	    (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

static void
dep_time_set(const struct run *r)
{
	struct stat	 st;
	GDir		*d;
	const char	*name;
	char		*p;

	memset(&dep_time, 0, sizeof(dep_time));
	if (stat("/proc/self/exe", &st) == 0)
		dep_time = st.st_mtim;
	if (r->opts.style != NULL && r->opts.style->file != NULL &&
	    stat(r->opts.style->file, &st) == 0 &&
	    ts_newer(&st.st_mtim, &dep_time))
		dep_time = st.st_mtim;
	if (r->opts.meta_file != NULL && stat(r->opts.meta_file, &st) == 0 &&
	    ts_newer(&st.st_mtim, &dep_time))
		dep_time = st.st_mtim;
	if (r->opts.template_dir == NULL ||
	    (d = g_dir_open(r->opts.template_dir, 0, NULL)) == NULL)
		return;
	while ((name = g_dir_read_name(d)) != NULL) {
		p = g_build_filename(r->opts.template_dir, name, NULL);
		if (stat(p, &st) == 0 && ts_newer(&st.st_mtim, &dep_time))
			dep_time = st.st_mtim;
		g_free(p);
	}
	g_dir_close(d);
}

/*
 * --skip-existing: is every output of in newer than in, its sidecar
 * and dep_time?  Then it is up to date; its outputs are added to outs.
 * Standard output and --dump-model are never up to date.
 */
static int
up_to_date(const struct run *r, const char *in, GPtrArray *outs)
{
	struct stat	 si, so;
	char		*path;
	size_t		 i, n0 = outs->len;
	int		 err;

	if ((r->formats & (DC_FMT_DUMP | DC_FMT_JSONL | DC_FMT_ALIGN)) ||
	    r->opts.translation != NULL || r->review != NULL ||
	    strcmp(in, "-") == 0 || stat(in, &si) == -1)
		return 0;
	/* Its sidecar is as much its input. */
	if (r->opts.meta_file == NULL &&
	    (path = dc_pub_sidecar(in)) != NULL) {
		if (stat(path, &so) == 0 && ts_newer(&so.st_mtim, &si.st_mtim))
			si.st_mtim = so.st_mtim;
		g_free(path);
	}
	for (i = 0; i < dc_nbackends; i++) {
		if (!(r->formats & dc_backends[i].flag))
			continue;
		path = out_path(r, in, &dc_backends[i], &err);
		if (path == NULL || stat(path, &so) == -1 ||
		    !S_ISREG(so.st_mode) ||
		    !ts_newer(&so.st_mtim, &si.st_mtim) ||
		    !ts_newer(&so.st_mtim, &dep_time)) {
			g_free(path);
			g_ptr_array_set_size(outs, n0);
			return 0;
		}
		g_ptr_array_add(outs, path);
	}
	return 1;
}

/*
 * A backend failed: the file has failed, even where the cause was told
 * once for the run (fonts that would not load, for an earlier file).
 */
static void
failed_quietly(const char *path)
{
	if (dc_msg_level() < DC_LEVEL_ERROR)
		dc_msg_sys("%s: not written (see the error above)",
		    path != NULL ? path : "standard output");
}

/* --keep-tree: make the directory path goes into.  Returns 0 or -1. */
static int
out_mkdir(const char *path)
{
	char	*dir = g_path_get_dirname(path);
	int	 rc = 0;

	if (g_mkdir_with_parents(dir, 0777) == -1) {
		dc_msg_sys("%s: cannot make the directory: %s", dir,
		    g_strerror(errno));
		rc = -1;
	}
	g_free(dir);
	return rc;
}

/*
 * Write one output of doc with render to path (NULL: standard output),
 * whole or not at all; added to outs when written.  -v names it; -vv
 * also says its size and how long it took.
 */
static void
write_output(const struct run *r, const struct dc_doc *doc,
    int (*render)(const struct dc_doc *, const struct dc_opts *,
    const char *), const char *path, GPtrArray *outs)
{
	gint64		 t0 = g_get_monotonic_time();
	GStatBuf	 st;
	char		*tmp;
	int		 ok;

	if (r->keep_tree && path != NULL && out_mkdir(path) == -1)
		return;
	if ((tmp = dc_output_begin(path)) == NULL)
		return;
	dc_msg_set_output(tmp, path != NULL ? path : "standard output");
	ok = render(doc, &r->opts, tmp) == 0;
	dc_msg_set_output(NULL, NULL);
	if (!ok)
		failed_quietly(path);
	else
		batch_hold();
	if (dc_output_end(tmp, path, ok) == -1)
		return;
	g_ptr_array_add(outs, g_strdup(path != NULL ? path : "-"));
	if (r->opts.verbose > 1 && path != NULL && g_stat(path, &st) == 0)
		fprintf(stderr, "%sdocconv: wrote %s (%lld bytes, %.2f s)\n",
		    batch_clear, path, (long long)st.st_size,
		    (g_get_monotonic_time() - t0) / 1e6);
	else if (r->opts.verbose > 0 && path != NULL)
		fprintf(stderr, "%sdocconv: wrote %s\n", batch_clear,
		    path);
}

/*
 * Convert one input to every requested format; the outputs written are
 * added to outs.  Returns the worst level of diagnostics for this file.
 */
static enum dc_level
convert_one(const struct run *r, const char *in, GPtrArray *outs)
{
	struct dc_doc	*doc;
	char		*path;
	size_t		 i;
	int		 err;
	gint64		 t0 = g_get_monotonic_time();

	if ((doc = r->opts.translation != NULL ? dc_parse_pair(in,
	    r->opts.translation, &r->opts) : dc_parse_file(in,
	    &r->opts)) == NULL)
		goto out;
	if ((r->formats & DC_FMT_DUMP) && dump_model(r, doc) == -1)
		goto out;
	if (dump_json_align(r, doc, in) == -1)
		goto out;
	if (r->opts.verbose > 1)
		fprintf(stderr, "%sdocconv: %s: read as %s in %.2f s\n",
		    batch_clear, strcmp(in, "-") == 0 ? "<stdin>" : in,
		    dc_dialect_name(doc->meta.dialect),
		    (g_get_monotonic_time() - t0) / 1e6);
	for (i = 0; i < dc_nbackends; i++) {
		if (!(r->formats & dc_backends[i].flag))
			continue;
		path = out_path(r, in, &dc_backends[i], &err);
		write_output(r, doc, dc_backends[i].render, path, outs);
		g_free(path);
	}
	if (r->review != NULL)
		write_output(r, doc, render_review, strcmp(r->review, "-") ==
		    0 ? NULL : r->review, outs);
out:
	dc_doc_free(doc);
	return dc_msg_level();
}

/*
 * --report: one JSON object per line, written by hand (strings by
 * dc_json_quote(): a name that is not UTF-8 is made so, U+FFFD).
 */
static int	 report_fd = -1;

static void
json_strv(GString *b, const GPtrArray *a)
{
	guint	 i;

	g_string_append_c(b, '[');
	for (i = 0; i < a->len; i++) {
		if (i > 0)
			g_string_append_c(b, ',');
		dc_json_quote(b, g_ptr_array_index(a, i), 0);
	}
	g_string_append_c(b, ']');
}

/* The message sink of dc_msg_set_sink(): keep a copy. */
static void
report_keep(const char *m, void *arg)
{
	g_ptr_array_add(arg, g_strdup(m));
}

/*
 * Write the report line of one input with a single write(2) on a file
 * opened O_APPEND: lines of several workers never mix, and a signal
 * leaves only whole lines.
 */
static int
report_line(const char *in, const struct result *res,
    const GPtrArray *outs, const GPtrArray *msgs)
{
	static int	 told;		/* the failure was reported */
	GString		*b;
	ssize_t		 n;
	int		 rc = 0;

	if (report_fd == -1)
		return 0;
	b = g_string_new("{\"path\":");
	dc_json_quote(b, in, 0);
	g_string_append_printf(b, ",\"status\":\"%s\",\"outputs\":",
	    res->skipped ? "skipped" : res->level >= DC_LEVEL_ERROR ?
	    "failed" : "converted");
	json_strv(b, outs);
	g_string_append(b, ",\"messages\":");
	json_strv(b, msgs);
	g_string_append(b, "}\n");
	while ((n = write(report_fd, b->str, b->len)) == -1 &&
	    errno == EINTR)
		continue;
	if (n != (ssize_t)b->len) {
		/* Once: the next lines would fail alike. */
		if (!told++)
			fprintf(stderr, "docconv: --report: %s\n", n == -1 ?
			    g_strerror(errno) : "short write");
		rc = -1;
	}
	g_string_free(b, TRUE);
	return rc;
}

/* The report line of a file whose worker died before answering. */
static void
report_lost(const char *in)
{
	struct result	 res;
	GPtrArray	*none, *msgs;

	memset(&res, 0, sizeof(res));
	res.level = DC_LEVEL_SYSERR;
	none = g_ptr_array_new();
	msgs = g_ptr_array_new();
	g_ptr_array_add(msgs, (char *)"not converted (a worker process "
	    "died or stopped)");
	report_line(in, &res, none, msgs);
	g_ptr_array_free(none, TRUE);
	g_ptr_array_free(msgs, TRUE);
}

/*
 * Worker: add the text this file printed (dump_text()) to the spool
 * and say where in res.
 */
static void
spool_add(struct result *res)
{
	off_t	 at;
	size_t	 done = 0;
	ssize_t	 n;

	if (spool_text == NULL || spool_text->len == 0)
		return;
	if (dump_lock_set(F_WRLCK) == -1) {
		dc_msg_sys("-j: cannot lock the output: %s", g_strerror(errno));
		goto out;
	}
	at = lseek(spool_fd, 0, SEEK_END);
	while (at != -1 && done < spool_text->len &&
	    ((n = pwrite(spool_fd, spool_text->str + done,
	    spool_text->len - done, at + (off_t)done)) > 0 ||
	    (n == -1 && errno == EINTR)))
		done += n > 0 ? (size_t)n : 0;
	dump_lock_set(F_UNLCK);
	if (done < spool_text->len)
		dc_msg_sys("-j: keeping the output in memory: %s",
		    g_strerror(errno));
	else {
		res->spool_at = at;
		res->spool_len = (int64_t)done;
	}
out:
	g_string_truncate(spool_text, 0);
}

/*
 * Parent: print the spooled text of file k on standard output and free
 * its pages.  A failure (the reader of standard output gone) is kept
 * in spool_err and stops the batch.
 */
static void
spool_print(size_t k)
{
	char	 buf[65536];
	int64_t	 at = spool_at[k], end = at + spool_len[k];
	ssize_t	 n;
	int	 j;

	while (!spool_err && at < end) {
		n = pread(spool_fd, buf, (size_t)MIN((int64_t)sizeof(buf),
		    end - at), at);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0 || fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
			spool_err = n == 0 ? EIO : errno;
		else
			at += n;
	}
	if (!spool_err && fflush(stdout) != 0)
		spool_err = errno;
	/* "| head": nothing more can be printed; stop what is under way. */
	for (j = 0; spool_err && j < batch_nworkers; j++)
		if (batch_workers != NULL && batch_workers[j] > 0)
			(void)kill(batch_workers[j], SIGTERM);
	(void)fallocate(spool_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
	    spool_at[k], spool_len[k]);
}

/*
 * Parent: print the spooled texts of the files answered, in input
 * order, up to the first one not answered yet (all: every answered
 * one, the batch being over).
 */
static void
spool_flush(const unsigned char *got, size_t nfiles, int all)
{
	for (; spool_fd != -1 && spool_next < nfiles; spool_next++) {
		if (!got[spool_next] && !all)
			break;
		if (got[spool_next] && spool_len[spool_next] > 0)
			spool_print(spool_next);
	}
}

/*
 * -j with text on standard output: open the spool (workers inherit
 * it).  Returns 0, or -1 after saying why.
 */
static int
spool_open(const struct run *r)
{
	if (!(r->formats & (DC_FMT_DUMP | DC_FMT_JSONL | DC_FMT_ALIGN)))
		return 0;
	if ((spool_fd = memfd_create("docconv-spool", MFD_CLOEXEC)) == -1) {
		FILE *f = tmpfile();
		if (f == NULL || (spool_fd = dup(fileno(f))) == -1) {
			dc_msg_sys("-j: a file for the output: %s",
			    g_strerror(errno));
			if (f != NULL)
				fclose(f);
			return -1;
		}
		fclose(f);
	}
	spool_at = g_new0(int64_t, r->nfiles);
	spool_len = g_new0(int64_t, r->nfiles);
	spool_next = 0;
	spool_err = 0;
	return 0;
}

static void
spool_close(void)
{
	if (spool_fd != -1)
		close(spool_fd);
	spool_fd = -1;
	g_free(spool_at);
	g_free(spool_len);
	spool_at = spool_len = NULL;
}

/*
 * One input of a batch: skipped if up to date, else converted; its
 * report line written.
 */
static struct result
convert_file(const struct run *r, size_t k)
{
	struct result	 res;
	GPtrArray	*outs, *msgs;
	const char	*in = r->files[k];

	memset(&res, 0, sizeof(res));
	res.k = (int)k;
	outs = g_ptr_array_new_with_free_func(g_free);
	msgs = g_ptr_array_new_with_free_func(g_free);
	dc_msg_reset();
	dc_msg_set_file(strcmp(in, "-") == 0 ? "<stdin>" : in);
	if (report_fd != -1)
		dc_msg_set_sink(report_keep, msgs);
	if (r->refused[k] != NULL)
		dc_msg(DC_ERR_CLASH, 0, 0, "%s", r->refused[k]);
	else if (r->opts.meta_file == NULL && dc_pub_check_sidecar(in) == -1)
		;	/* said: the file is refused unread */
	else if (r->skip_existing && up_to_date(r, in, outs)) {
		res.skipped = 1;
		if (r->opts.verbose > 0)
			fprintf(stderr, "%sdocconv: %s: up to date\n",
			    batch_clear, in);
	} else
		convert_one(r, in, outs);
	spool_add(&res);
	res.level = dc_msg_level();
	res.nwarn = dc_msg_warnings();
	dc_msg_set_sink(NULL, NULL);
	res.report_err = report_line(in, &res, outs, msgs) == -1;
	g_ptr_array_free(outs, TRUE);
	g_ptr_array_free(msgs, TRUE);
	return res;
}

static void
tally_add(struct tally *t, const struct result *res)
{
	t->done++;
	if (res->skipped)
		t->skipped++;
	else if (res->level >= DC_LEVEL_ERROR)
		t->failed++;
	else
		t->converted++;
	t->warnings += res->nwarn;
	t->report_err |= res->report_err;
}

/* Is stderr a terminal we may draw a progress line on? */
static int
progress_ok(const struct run *r)
{
	return r->opts.verbose >= 0 && r->nfiles > 1 &&
	    isatty(STDERR_FILENO);
}

/*
 * On a terminal: done/total, the rate and the time left, redrawn at
 * most ten times a second.
 */
static void
progress(const struct run *r, struct tally *t)
{
	GString	*b;
	gint64	 now;
	double	 secs, rate;
	long	 left;

	if (!progress_ok(r))
		return;
	now = g_get_monotonic_time();
	if (t->done < t->total && now - t->shown < 100000)
		return;
	t->shown = now;
	secs = (now - t->start) / 1e6;
	rate = secs > 0 ? t->done / secs : 0;
	/*
	 * Drawn with the cursor left at its start: a worker's message
	 * then clears it and is printed in its place.  One write, so
	 * that no worker's message comes in the middle of it.
	 */
	b = g_string_new(NULL);
	g_string_printf(b, "\033[Kdocconv: %zu/%zu", t->done, t->total);
	if (t->failed > 0)
		g_string_append_printf(b, ", %zu failed", t->failed);
	if (rate > 0 && t->done < t->total) {
		left = (long)((t->total - t->done) / rate + 0.5);
		g_string_append_printf(b, ", %.1f files/s, %ld:%02ld:%02ld "
		    "left", rate, left / 3600, left / 60 % 60, left % 60);
	}
	g_string_append_c(b, '\r');
	fputs(b->str, stderr);
	fflush(stderr);
	g_string_free(b, TRUE);
}

/*
 * The summary line of a batch (unless -q), after the progress line:
 * what became of the inputs, and how long it took.
 */
static void
summary(const struct run *r, const struct tally *t)
{
	double	 secs;

	if (r->opts.verbose < 0 || t->total < 2)
		return;
	secs = (g_get_monotonic_time() - t->start) / 1e6;
	if (progress_ok(r))
		fputs("\033[K", stderr);
	fprintf(stderr, "docconv: %zu files: %zu converted, %zu skipped, "
	    "%zu failed, %zu warning%s", t->total, t->converted, t->skipped,
	    t->failed, t->warnings, t->warnings == 1 ? "" : "s");
	if (t->done < t->total)
		fprintf(stderr, "; %zu not converted", t->total - t->done);
	fprintf(stderr, " (%.1f s)\n", secs);
}

/*
 * Read one answer of a worker into res, through the signals that
 * interrupt it.  Returns 1, or 0 when no worker is left.
 */
static int
batch_read(int fd, struct result *res)
{
	ssize_t	 n;

	while ((n = read(fd, res, sizeof(*res))) == -1 && errno == EINTR)
		continue;
	return n == sizeof(*res);
}

/* Count a worker's answer for file res->k and show the progress. */
static void
take_answer(const struct run *r, struct tally *t, const struct result *res,
    unsigned char *got, size_t nfiles, enum dc_level *worst)
{
	if (res->k >= 0 && (size_t)res->k < nfiles) {
		got[res->k] = 1;
		if (spool_fd != -1) {
			spool_at[res->k] = res->spool_at;
			spool_len[res->k] = res->spool_len;
		}
	}
	tally_add(t, res);
	if ((enum dc_level)res->level > *worst)
		*worst = res->level;
	spool_flush(got, nfiles, 0);
	progress(r, t);
}

/*
 * Convert the files with njobs worker processes that take file numbers
 * from a pipe and answer with a struct result on another; each worker
 * sets up fonts once and keeps them for all its files.  A batch of one
 * worker runs this way too, so that a signal finds a parent to count
 * what was done.  Returns the worst level.
 */
static enum dc_level
convert_parallel(const struct run *r, struct tally *t, int njobs)
{
	int		 todo[2], done[2], st;
	struct result	 res;
	size_t		 i, nfiles = r->nfiles;
	enum dc_level	 worst = DC_LEVEL_OK;
	pid_t		*pids;
	unsigned char	*got;		/* got[k]: file k answered */
	pid_t		 parent;
	int		 j, piped = 0;

	if (pipe(todo) == -1 || pipe(done) == -1) {
		dc_msg_sys("pipe: %s", g_strerror(errno));
		return DC_LEVEL_SYSERR;
	}
	/* A memory file: no writable $TMPDIR needed, nothing left. */
	if ((dump_lock = memfd_create("docconv-lock", 0)) == -1) {
		FILE *lf = tmpfile();	/* gone when the last holder is */
		if (lf == NULL || (dump_lock = dup(fileno(lf))) == -1) {
			dc_msg_sys("-j: a lock file: %s", g_strerror(errno));
			if (lf != NULL)
				fclose(lf);
			return DC_LEVEL_SYSERR;
		}
		fclose(lf);
	}
	if (spool_open(r) == -1) {
		close(dump_lock);
		dump_lock = -1;
		return DC_LEVEL_SYSERR;
	}
	pids = g_new0(pid_t, njobs);
	got = g_new0(unsigned char, nfiles);
	fflush(NULL);
	parent = getpid();
	batch_nworkers = njobs;
	batch_workers = pids;
	for (j = 0; j < njobs; j++) {
		if ((pids[j] = fork()) == -1) {
			dc_msg_sys("fork: %s", g_strerror(errno));
			break;
		}
		if (pids[j] == 0) {
			uint32_t	 k;
			/* A worker converts; it has no workers to stop. */
			batch_workers = NULL;
			batch_quiet = 1;	/* the parent tells */
			/* A parent killed (-9) stops its workers too. */
			(void)prctl(PR_SET_PDEATHSIG, SIGTERM);
			if (batch_sig != 0 || getppid() != parent)
				_exit(EXIT_SYSTEM);
			close(todo[1]);
			close(done[0]);
			if (spool_fd != -1)
				spool_text = g_string_new(NULL);
			while (read(todo[0], &k, sizeof(k)) == sizeof(k) &&
			    k < nfiles) {
				res = convert_file(r, k);
				fflush(stdout);
				if (write(done[1], &res, sizeof(res)) !=
				    sizeof(res))
					_exit(EXIT_SYSTEM);
				batch_release();
			}
			_exit(0);
		}
	}
	close(todo[0]);
	close(done[1]);
	if (j == 0) {
		g_free(pids);
		g_free(got);
		close(todo[1]);
		close(done[0]);
		close(dump_lock);
		dump_lock = -1;
		spool_close();
		batch_workers = NULL;
		return DC_LEVEL_SYSERR;
	}
	/* A pipe holds 64 KiB: 16,384 numbers; write more as we go. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < nfiles && !batch_sig && !spool_err; ) {
		uint32_t k = (uint32_t)i;
		if (i - t->done < 4096) {
			if (write(todo[1], &k, sizeof(k)) != sizeof(k)) {
				if (errno == EINTR)
					continue;
				break;
			}
			i++;
			continue;
		}
		if (!batch_read(done[0], &res))
			break;
		take_answer(r, t, &res, got, nfiles, &worst);
	}
	close(todo[1]);
	/* After a signal too, until the workers are gone: what they did. */
	while (t->done < nfiles && batch_read(done[0], &res)) {
		take_answer(r, t, &res, got, nfiles, &worst);
	}
	close(done[0]);
	spool_flush(got, nfiles, 1);
	for (j = 0; j < njobs; j++) {
		if (pids[j] <= 0)
			continue;
		while (waitpid(pids[j], &st, 0) == -1 && errno == EINTR)
			continue;
		pids[j] = -1;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			continue;
		if (WIFSIGNALED(st) && (WTERMSIG(st) == SIGPIPE ||
		    (spool_err && WTERMSIG(st) == SIGTERM)))
			piped++;
		else if (!batch_sig)
			dc_msg_sys("a worker process failed");
		worst = DC_LEVEL_SYSERR;
	}
	batch_workers = NULL;
	if (spool_err) {
		piped++;
		worst = DC_LEVEL_SYSERR;
		if (t->done == nfiles)
			dc_msg_sys("writing to standard output: %s",
			    g_strerror(spool_err));
	}
	spool_close();
	if (batch_sig) {
		if (r->opts.verbose >= 0)
			fprintf(stderr, "docconv: stopped by signal %d (%s); "
			    "the files being converted were discarded "
			    "whole\n", (int)batch_sig, strsignal(batch_sig));
	} else if (piped > 0 && t->done < nfiles) {
		/* "| head": the reader of standard output is gone. */
		dc_msg_sys("standard output was closed; %zu of %zu files "
		    "were not converted", nfiles - t->done, nfiles);
	} else if (t->done < nfiles) {
		/* Name them: one was being converted when a worker died. */
		for (i = 0; i < nfiles; i++)
			if (!got[i]) {
				dc_msg_sys("%s: not converted (a worker "
				    "process died or stopped)", r->files[i]);
				report_lost(r->files[i]);
			}
		dc_msg_sys("%zu of %zu files were not converted",
		    nfiles - t->done, nfiles);
		worst = DC_LEVEL_SYSERR;
	}
	close(dump_lock);
	dump_lock = -1;
	g_free(pids);
	g_free(got);
	return worst;
}

/*
 * The --report file: replaced, added to (--report-append), or standard
 * output (-).  Returns a descriptor written with O_APPEND, or -1.
 */
static int
report_open(const struct run *r)
{
	int	 fd;

	if (strcmp(r->report, "-") == 0) {
		fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
		if (fd != -1)
			(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) |
			    O_APPEND);
		return fd;
	}
	return open(r->report, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC |
	    (r->report_append ? 0 : O_TRUNC), 0666);
}

/*
 * Convert every input of r, with r->njobs workers for several.
 * Returns the exit status.
 */
int
batch_run(struct run *r)
{
	struct tally	 t;
	struct result	 res;
	enum dc_level	 worst;
	int		 rc;

	batch_dedup(r);
	if (batch_clashes(r) == -1 || dc_pub_check(&r->opts) == -1)
		return EXIT_USAGE;
	batch_sweep(r);
	if (r->report != NULL && (report_fd = report_open(r)) == -1) {
		fprintf(stderr, "docconv: --report %s: %s\n", r->report,
		    g_strerror(errno));
		return EXIT_SYSTEM;
	}
	if (r->skip_existing)
		dep_time_set(r);
	memset(&t, 0, sizeof(t));
	t.total = r->nfiles;
	t.start = g_get_monotonic_time();
	r->opts.threads = r->nfiles == 1;
	batch_quiet = r->opts.verbose < 0;
	dc_msg_set_progress(progress_ok(r));
	batch_clear = progress_ok(r) ? "\r\033[K" : "";
	batch_signals_catch();
	if (r->nfiles > 1)
		worst = convert_parallel(r, &t, r->njobs < (int)r->nfiles ?
		    r->njobs : (int)r->nfiles);
	else {
		res = convert_file(r, 0);
		batch_release();
		tally_add(&t, &res);
		worst = res.level;
	}
	summary(r, &t);
	rc = t.report_err ? EXIT_SYSTEM : level_exit(worst);
	if (report_fd != -1 && close(report_fd) == -1) {
		fprintf(stderr, "docconv: --report %s: %s\n", r->report,
		    g_strerror(errno));
		rc = EXIT_SYSTEM;
	}
	report_fd = -1;
	if (batch_sig)
		batch_die();
	return rc;
}
