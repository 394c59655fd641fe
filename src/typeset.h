/* typeset.h: line breaking and pagination (to be written). */
#ifndef TYPESET_H
#define TYPESET_H
#endif
