/*
 * The floor for `make bench`: shape every line of a text with HarfBuzz
 * alone (Chinese lines with the CJK face, others with the Latin one),
 * no line breaking, no drawing.  Prints the seconds it took.
 * Usage: hbfloor CJKFONT[:INDEX] LATINFONT TEXTFILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hb.h>

static hb_font_t *
load(const char *spec)
{
	char		*path = strdup(spec), *colon;
	unsigned int	 idx = 0;
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*font;

	if ((colon = strrchr(path, ':')) != NULL) {
		*colon = '\0';
		idx = (unsigned int)atoi(colon + 1);
	}
	blob = hb_blob_create_from_file(path);
	face = hb_face_create(blob, idx);
	font = hb_font_create(face);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	free(path);
	return font;
}

int
main(int argc, char *argv[])
{
	hb_font_t	*zh, *en;
	hb_buffer_t	*buf;
	struct timespec	 t0, t1;
	FILE		*f;
	char		*line = NULL;
	size_t		 cap = 0, glyphs = 0;
	ssize_t		 n;

	if (argc != 4) {
		fprintf(stderr, "usage: hbfloor CJKFONT[:INDEX] LATINFONT FILE\n");
		return 2;
	}
	if ((f = fopen(argv[3], "r")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	zh = load(argv[1]);
	en = load(argv[2]);
	buf = hb_buffer_create();
	while ((n = getline(&line, &cap, f)) > 0) {
		int cjk = 0;
		for (ssize_t i = 0; i < n; i++)
			if ((unsigned char)line[i] >= 0xE3)
				cjk = 1;
		hb_buffer_clear_contents(buf);
		hb_buffer_add_utf8(buf, line, (int)n, 0, (int)n);
		hb_buffer_guess_segment_properties(buf);
		hb_shape(cjk ? zh : en, buf, NULL, 0);
		glyphs += hb_buffer_get_length(buf);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.3f %zu\n", (t1.tv_sec - t0.tv_sec) +
	    (t1.tv_nsec - t0.tv_nsec) / 1e9, glyphs);
	hb_buffer_destroy(buf);
	hb_font_destroy(zh);
	hb_font_destroy(en);
	free(line);
	fclose(f);
	return 0;
}
