/* i18n: the program's messages through gettext (domain "narrateur"). In:
 * the locale of the environment (LANG, LC_ALL, LC_MESSAGES, LANGUAGE).
 * Out: _() gives the message in the user's language, English when there
 * is no translation. */
#ifndef NARR_CLI_I18N_H
#define NARR_CLI_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) text /* marked for translation, translated where used */

/* Sets the locale of messages from the environment (nothing else: the
 * library's text handling stays the same) and finds the translations: under
 * $NARRATEUR_LOCALEDIR if set, else ../share/locale from the program's
 * own folder when it exists (an installation moved elsewhere, or one
 * under DESTDIR), else the folder it was built for. */
void cli_i18n_init(void);

#endif
