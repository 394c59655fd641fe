/*
 * pdf_fix.h: what cairo cannot write into a PDF, added by an
 * incremental update (pdf_fix.c): the catalog's /Lang, /MarkInfo,
 * /ViewerPreferences and XMP /Metadata, and a structure tree of our
 * own over the marked content cairo wrote.  Reads classic xref
 * tables and xref streams (with object streams) alike.
 */
#ifndef PDF_FIX_H
#define PDF_FIX_H

#include <stdio.h>

#include <glib.h>

/* A piece of marked content: MCID mcid on page page (from 0). */
struct pf_mcr {
	int		 page;
	int		 mcid;
};

/*
 * A structure element.  Elements come parents first; an element's
 * kids are the elements naming it as parent, in order, then its own
 * marked content.
 */
struct pf_elem {
	const char	*type;		/* "Document", "P", "H1", "Lbl", ... */
	const char	*lang;		/* /Lang, or NULL */
	int		 parent;	/* index of the parent, -1: the root */
	const struct pf_mcr *mcrs;	/* its marked content, in order */
	int		 nmcrs;
};

/*
 * Marked content that is not text but typography: running heads,
 * folios and rules, a hyphen added at a line's end.  cairo 1.16 has
 * no artifact tag: it writes them as a structure tag of its own, and
 * the update rewrites each one as an /Artifact of the kind given.
 */
enum pf_art_kind {
	PF_ART_HEADER,			/* /Pagination /Header */
	PF_ART_FOOTER,			/* /Pagination /Footer */
	PF_ART_LAYOUT			/* /Layout */
};

struct pf_art {
	int		 page;		/* from 0 */
	int		 mcid;		/* the MCID cairo gave it */
	enum pf_art_kind kind;
};

/* What pf_amend() adds. */
struct pf_amend {
	const char	*lang;		/* the catalog's /Lang */
	const char	*xmp;		/* XMP packet for /Metadata, or NULL */
	const char	*id;		/* 32 hex digits for /ID, or NULL */
	const struct pf_elem *elems;	/* structure tree, or NULL */
	int		 nelems;
	const struct pf_art *arts;	/* by page, or NULL */
	int		 narts;
	FILE		*out;		/* write the file again here, or NULL */
};

/*
 * Append the update to the PDF in f (opened for reading and writing,
 * size bytes long), or, if a->out is not NULL and the PDF is of the
 * kind cairo 1.16 writes, write the PDF again into a->out with what
 * the update would hold (each page's content once).  0 (appended), 1
 * (written to a->out; f unchanged), or -1 if the PDF is not understood
 * or cannot be read back (errno 0; f is then unchanged) or writing
 * failed (errno set).
 */
int		 pf_amend(FILE *, long long, const struct pf_amend *);

#endif /* !PDF_FIX_H */
