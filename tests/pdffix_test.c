/*
 * Runs the PDF writer of what cairo cannot write (src/pdf_fix.c) on a
 * PDF made by any tool, e.g. one whose cross-reference is an xref
 * stream and whose catalog sits in an object stream (qpdf
 * --object-streams=generate, as cairo from 1.17.6 writes them).
 * usage: pdffix_test FILE LANG [PAGE:MCID ...]   (FILE is updated in
 * place; the marked content named, pages from 0, becomes artifacts)
 */
#include "config.h"

#include <stdio.h>

#include "../src/pdf_fix.h"

int
main(int argc, char *argv[])
{
	struct pf_amend	 a = { 0 };
	struct pf_art	 art[16];
	FILE		*f;
	long long	 size;
	int		 i;

	if (argc < 3 || argc > 3 + 16) {
		fprintf(stderr, "usage: pdffix_test FILE LANG [PAGE:MCID ...]\n");
		return 2;
	}
	/* Marked content to make artifacts, pages from 0, in order. */
	for (i = 3; i < argc; i++) {
		if (sscanf(argv[i], "%d:%d", &art[i - 3].page,
		    &art[i - 3].mcid) != 2) {
			fprintf(stderr, "pdffix_test: %s: not PAGE:MCID\n",
			    argv[i]);
			return 2;
		}
		art[i - 3].kind = PF_ART_LAYOUT;
	}
	a.arts = art;
	a.narts = argc - 3;
	if ((f = fopen(argv[1], "r+b")) == NULL ||
	    fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0) {
		perror(argv[1]);
		return 1;
	}
	a.lang = argv[2];
	a.xmp = "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/><?xpacket end=\"w\"?>";
	if (pf_amend(f, size, &a) == -1) {
		fprintf(stderr, "pdffix_test: %s: not understood\n", argv[1]);
		return 1;
	}
	return fclose(f) == 0 ? 0 : 1;
}
