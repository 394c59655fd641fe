/*
 * fonts.h: docconv's font roles, defined in fonts-config/ and loaded
 * into a private FcConfig (fonts.c).  Used by the PDF backend, and by
 * the EPUB backend for --embed-fonts.
 */
#ifndef FONTS_H
#define FONTS_H

#include <stdio.h>

#include <hb-subset.h>

enum dc_font_role {
	DC_FONT_ZH_BODY = 0,	/* Chinese body: serif (Song/Ming) */
	DC_FONT_ZH_HEAD,	/* Chinese headings: sans (Hei) */
	DC_FONT_EN_BODY,	/* English body: book serif */
	DC_FONT_EN_HEAD,	/* English headings */
	DC_FONT__MAX
};

/* Load fonts-config/ once; 0, or -1 after naming the missing font
 * and its Debian package. */
int		 dc_fonts_init(void);
/* Family name serving a role (after dc_fonts_init()). */
const char	*dc_fonts_family(enum dc_font_role);
/* File serving a role and its face index in that file, or NULL. */
const char	*dc_fonts_file(enum dc_font_role, int *);
/* The face of a role's family at an OpenType weight: file, index. */
char		*dc_fonts_match(enum dc_font_role, int, int *);
/* --font-dir: another directory of fonts (before dc_fonts_init()). */
void		 dc_fonts_add_dir(const char *);
/* Is a family installed?  0, or -1 and what is found instead. */
int		 dc_fonts_find(const char *, char **);
/* The face of a family at an OpenType weight: file, index. */
char		*dc_fonts_face(const char *, int, int *);
/* --list-fonts: print each role and its file; 0 or -1. */
int		 dc_fonts_list(FILE *);
/* Subset a face: its bytes, the plan if asked (fonts.c). */
hb_blob_t	*dc_fonts_subset(hb_face_t *, const hb_subset_input_t *,
		    hb_subset_plan_t **);

#endif /* !FONTS_H */
