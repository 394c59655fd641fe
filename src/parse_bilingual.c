/*
 * The bilingual reader (to be written; plain for now).
 */
#include "config.h"

#include "docconv.h"
#include "parse.h"

void
dc_parse_bilingual(struct dc_doc *d, struct dc_input *in)
{
	dc_parse_plain(d, in);
}
