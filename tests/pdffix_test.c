/*
 * Runs the PDF writer of what cairo cannot write (src/pdf_fix.c) on a
 * PDF made by any tool, e.g. one whose cross-reference is an xref
 * stream and whose catalog sits in an object stream (qpdf
 * --object-streams=generate, as cairo from 1.17.6 writes them).
 * usage: pdffix_test FILE LANG   (FILE is updated in place)
 */
#include "config.h"

#include <stdio.h>

#include "../src/pdf_fix.h"

int
main(int argc, char *argv[])
{
	struct pf_amend	 a = { 0 };
	FILE		*f;
	long long	 size;

	if (argc != 3) {
		fprintf(stderr, "usage: pdffix_test FILE LANG\n");
		return 2;
	}
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
