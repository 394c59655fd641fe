/*
 * Font roles, loaded from fonts-config/ into a private FcConfig
 * (not built yet).
 */
#include "config.h"

#include "docconv.h"
#include "fonts.h"

int
dc_fonts_list(FILE *f)
{
	(void)f;
	dc_msg_sys("--list-fonts: the PDF backend is not built yet");
	return -1;
}
