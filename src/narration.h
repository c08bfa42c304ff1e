/* narration: what the library's other top-level files (articles.c) need
 * from a narration beyond narrateur.h. Private to the library. */
#ifndef NARR_NARRATION_H
#define NARR_NARRATION_H

#include "narrateur.h"

/* Reads data[0..len) like narr_narration_read_memory, as format (AUTO =
 * the narration's own setting) and with charset, the transport's (an
 * HTTP header; NULL = none), which wins over the page's declaration. */
narr_status narr_narration_read_source(narr_narration *n, const char *data, size_t len,
                                      const char *name, narr_input_format format,
                                      const char *charset);

/* Sets the narration's message (narr_narration_errmsg) and returns st:
 * for a failure found before the narration reads anything. */
narr_status narr_narration_fail(narr_narration *n, narr_status st, const char *msg);

#endif
