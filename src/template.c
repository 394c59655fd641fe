/*
 * template: to be written.
 */
#include "config.h"

#include "docconv.h"
