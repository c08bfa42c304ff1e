/* cli_text: small text helpers shared by the program's files: reading a
 * whole number from an option, writing a duration as a clock. */
#ifndef NARR_CLI_TEXT_H
#define NARR_CLI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A whole number from lo to hi, nothing else; false otherwise. */
bool cli_parse_int(const char *s, long lo, long hi, long *out);

/* seconds as "M:SS", or "H:MM:SS" from an hour on, rounded. */
void cli_clock_text(double seconds, char *buf, size_t size);

#endif
