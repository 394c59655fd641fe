/* output.h: atomic output files (output.c), deterministic zips
 * (zip.c). */
#ifndef OUTPUT_H
#define OUTPUT_H

char	*dc_output_begin(const char *);
int	 dc_output_end(char *, const char *, int);
void	 dc_output_discard(void);
int	 dc_output_write(const char *, const char *, size_t);
void	 dc_output_sweep(char *const *, size_t);

/* One entry of a zip (dc_zip_write()). */
struct dc_zip_entry {
	const char	*name;		/* path in the zip, UTF-8 */
	const void	*data;		/* its bytes */
	size_t		 len;		/* their number */
	int		 store;		/* stored as is, not deflated */
};

int	 dc_zip_write(const char *, const struct dc_zip_entry *, size_t,
	    long long);

#endif /* !OUTPUT_H */
