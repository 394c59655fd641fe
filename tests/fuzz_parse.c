/*
 * libFuzzer target: the first byte picks the dialect (and --lenient),
 * the rest is the input; parse, check the tree's invariants, dump the
 * model.  Build with ./configure --enable-fuzz CC=clang; run
 * tests/fuzz_parse -max_total_time=60 examples/ (seeds).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../src/docconv.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dc_opts	 o = { 0 };
	struct dc_doc	*d;
	FILE		*f;
	char		*buf = NULL;
	size_t		 len = 0;

	if (size < 1)
		return 0;
	o.epoch = 0;
	o.verbose = -1;
	o.dialect = data[0] % DC_DIALECT_TEI;	/* auto .. plain */
	o.lenient = (data[0] >> 4) & 1;
	dc_msg_set_quiet(1);
	dc_msg_set_file("fuzz");
	d = dc_parse_mem((const char *)data + 1, size - 1, "fuzz.txt", &o);
	if (d == NULL)
		return 0;
	if (dc_tree_check(d, stderr) != 0)
		abort();
	if ((f = open_memstream(&buf, &len)) != NULL) {
		render_tree(d, &o, f);
		fclose(f);
		free(buf);
	}
	dc_doc_free(d);
	return 0;
}
