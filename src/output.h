/* output.h: atomic output files (output.c). */
#ifndef OUTPUT_H
#define OUTPUT_H

char	*dc_output_begin(const char *);
int	 dc_output_end(char *, const char *, int);
void	 dc_output_discard(void);
int	 dc_output_write(const char *, const char *, size_t);
void	 dc_output_sweep(char *const *, size_t);

#endif /* !OUTPUT_H */
