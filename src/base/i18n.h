/* i18n: the library's messages in the "narrateur" gettext domain. In: the
 * English text, marked. Out: L_() gives the text in the language the
 * program chose (it binds the domain and sets the locale; the library never
 * does), or the English text unchanged when nothing is bound, so other
 * programs and tests under LC_ALL=C get English. */
#ifndef NARR_BASE_I18N_H
#define NARR_BASE_I18N_H

#include <libintl.h>

#define L_(text) dgettext("narrateur", text)
#define N_(text) text /* marked for translation, translated where used */

#endif
