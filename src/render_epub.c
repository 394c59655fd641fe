/*
 * The epub backend (not built yet).
 */
#include "config.h"

#include "docconv.h"

int
render_epub(const struct dc_doc *d, const struct dc_opts *o,
    const char *outpath)
{
	(void)d;
	(void)o;
	(void)outpath;
	dc_msg_sys("--epub: this output format is not implemented yet");
	return -1;
}
