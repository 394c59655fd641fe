/*
 * Font roles, loaded from fonts-config/ into a private FcConfig
 * (not built yet).
 */
#include "config.h"

#include "docconv.h"
#include "fonts.h"

int
dc_fonts_init(void)
{
	dc_msg_sys("fonts: not built yet");
	return -1;
}

const char *
dc_fonts_family(enum dc_font_role r)
{
	(void)r;
	return NULL;
}

const char *
dc_fonts_file(enum dc_font_role r, int *index)
{
	(void)r;
	(void)index;
	return NULL;
}

int
dc_fonts_list(FILE *f)
{
	(void)f;
	dc_msg_sys("--list-fonts: the PDF backend is not built yet");
	return -1;
}
