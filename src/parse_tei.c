/*
 * Reading docconv's own TEI back into the model (not built yet).
 */
#include "config.h"

#include "docconv.h"
#include "parse.h"

struct dc_doc *
dc_parse_tei(const char *buf, size_t len, const struct dc_opts *o)
{
	(void)buf;
	(void)len;
	(void)o;
	dc_msg(DC_ERR_TEI, 0, 0, "reading TEI is not implemented yet");
	return NULL;
}
