/* The one table of status messages (tested to cover every code). They are
 * in the "narrateur" gettext domain: a program that binds it and sets a
 * locale (the narrateur program does) gets them in its user's language. */
#include "narrateur.h"

#include "base/i18n.h"

static const struct {
    narr_status code;
    const char *text;
} messages[] = {
    {NARR_OK, N_("success")},
    {NARR_E_NOMEM, N_("out of memory")},
    {NARR_E_IO, N_("input/output error")},
    {NARR_E_BAD_UTF8, N_("text is not valid UTF-8")},
    {NARR_E_BINARY, N_("input is a binary file, not text")},
    {NARR_E_EMPTY, N_("input has no text to read")},
    {NARR_E_DATA, N_("malformed data file")},
    {NARR_E_SYNTH, N_("speech synthesis failed")},
    {NARR_E_AUDIO, N_("audio output failed")},
    {NARR_E_NODEVICE, N_("no audio output device found")},
    {NARR_E_ARG, N_("invalid argument")},
    {NARR_E_VOICE, N_("unknown voice")},
    {NARR_E_INTERRUPTED, N_("interrupted")},
    {NARR_E_BUSY, N_("a narrateur engine already exists in this process (eSpeak NG allows one)")},
};

const char *narr_strerror(narr_status st)
{
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (messages[i].code == st)
            return L_(messages[i].text);
    return L_("unknown error");
}
