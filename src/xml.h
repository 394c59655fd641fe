/* xml.h: the one XML writer (to be written). */
#ifndef XML_H
#define XML_H
#endif
