/* opts.h: the command line, parsed and checked (opts.c). */
#ifndef OPTS_H
#define OPTS_H

int	 opts_parse(struct run *, int, char *[]);
void	 opts_free(struct run *);

#endif /* !OPTS_H */
