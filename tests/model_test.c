#include "config.h"
#include <glib.h>
#include "../src/docconv.h"
static void t_new(void) { struct dc_doc *d = dc_doc_new(); g_assert_cmpint(dc_tree_check(d, NULL), ==, 0); dc_doc_free(d); }
int main(int argc, char **argv) { g_test_init(&argc, &argv, NULL); g_test_add_func("/model/new", t_new); return g_test_run(); }
