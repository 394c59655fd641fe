/*
 * xml.h: the only XML writer (xml.c), over libxml2's text writer.
 * Every string that reaches XML goes through dc_xml_text() or
 * dc_xml_attr(), which drop characters XML 1.0 cannot hold.
 */
#ifndef XML_H
#define XML_H

#include <stddef.h>

struct dc_xml;

struct dc_xml	*dc_xml_new_buffer(void);
struct dc_xml	*dc_xml_new_file(const char *);
struct dc_xml	*dc_xml_new_html(void);
struct dc_xml	*dc_xml_new_html_file(const char *);
void		 dc_xml_doctype(struct dc_xml *, const char *);
void		 dc_xml_start(struct dc_xml *, const char *);
void		 dc_xml_attr(struct dc_xml *, const char *, const char *);
void		 dc_xml_attrf(struct dc_xml *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 dc_xml_text(struct dc_xml *, const char *);
void		 dc_xml_textn(struct dc_xml *, const char *, size_t);
void		 dc_xml_end(struct dc_xml *);
void		 dc_xml_raw(struct dc_xml *, const char *);
void		 dc_xml_elem(struct dc_xml *, const char *, const char *);
void		 dc_xml_nl(struct dc_xml *);
int		 dc_xml_finish(struct dc_xml *, char **, size_t *);
char		*dc_xml_clean(const char *, size_t, int *);

#endif /* !XML_H */
