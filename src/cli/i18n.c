/* i18n: see i18n.h. */
#include "cli/i18n.h"

#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void cli_i18n_init(void)
{
    /* Messages only: the library's text handling must not depend on the
     * user's locale (numbers, character classes). */
    setlocale(LC_MESSAGES, "");
    const char *dir = getenv("NARRATEUR_LOCALEDIR");
    char relative[PATH_MAX + 32];
    if (!dir || !*dir) {
        dir = NARR_LOCALEDIR;
        char self[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        self[n > 0 ? n : 0] = '\0';
        char *slash = strrchr(self, '/');
        if (slash && *NARR_LOCALEDIR_FROM_BINDIR) {
            *slash = '\0';
            snprintf(relative, sizeof relative, "%s/%s", self, NARR_LOCALEDIR_FROM_BINDIR);
            if (is_dir(relative))
                dir = relative;
        }
    }
    bindtextdomain("narrateur", dir);
    bind_textdomain_codeset("narrateur", "UTF-8");
    textdomain("narrateur");
}
