/*
 * bitext.h: what the length-based aligners share: the two-file
 * reader's paragraph aligner (align.c) and the sentence aligner of a
 * paragraph pair (sent.c).
 */
#ifndef BITEXT_H
#define BITEXT_H

/* sent.c: the size of a text in its language's units (characters for
 * Chinese, bytes otherwise); the numbers written in digits in it, or
 * NULL if none (g_hash_table_destroy()); does y hold one of x's
 * numbers (or x none); Gale and Church's normalised distance of the
 * lengths sa and sb from the ratio. */
struct _GHashTable;
double			 dc_text_size(const char *, enum dc_lang);
struct _GHashTable	*dc_text_numbers(const char *);
int			 dc_numbers_share(struct _GHashTable *,
			    struct _GHashTable *);
double			 dc_gc_delta(double, double, double);

#endif /* !BITEXT_H */
