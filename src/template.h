/*
 * template.h: the EPUB templates in templates/ (template.c): XHTML
 * skeletons copied through the XML writer with placeholders filled
 * in, and plain files such as the style sheet.
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <stddef.h>

struct dc_xml;

/*
 * Called for each <?docconv NAME?> processing instruction of a
 * skeleton, where the placeholder stands: the callback may write
 * attributes of the enclosing element (if it comes first in it),
 * elements or text.  Returns 0, or -1 to stop (after reporting).
 */
typedef int	(*dc_template_cb)(struct dc_xml *, const char *, void *);

int	 dc_template_check(const char *);
char	*dc_template_path(const char *, const char *);
int	 dc_template_read(const char *, const char *, char **, size_t *);
int	 dc_template_xml(const char *, const char *, struct dc_xml *,
	    dc_template_cb, void *);

#endif /* !TEMPLATE_H */
