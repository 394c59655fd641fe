/* output.h: atomic output files (output.c). */
#ifndef OUTPUT_H
#define OUTPUT_H

char	*dc_output_begin(const char *);
int	 dc_output_end(char *, const char *, int);
void	 dc_output_discard(void);

#endif /* !OUTPUT_H */
