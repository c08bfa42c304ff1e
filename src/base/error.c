/* The one table of status messages (tested to cover every code). */
#include "narrateur.h"

static const struct {
    narr_status code;
    const char *text;
} messages[] = {
    {NARR_OK, "success"},
    {NARR_E_NOMEM, "out of memory"},
    {NARR_E_IO, "input/output error"},
    {NARR_E_BAD_UTF8, "text is not valid UTF-8"},
    {NARR_E_BINARY, "input is a binary file, not text"},
    {NARR_E_EMPTY, "input has no text to read"},
    {NARR_E_DATA, "malformed data file"},
    {NARR_E_SYNTH, "speech synthesis failed"},
    {NARR_E_AUDIO, "audio output failed"},
    {NARR_E_NODEVICE, "no audio output device found"},
    {NARR_E_ARG, "invalid argument"},
    {NARR_E_VOICE, "unknown voice"},
    {NARR_E_INTERRUPTED, "interrupted"},
    {NARR_E_BUSY, "a narrateur engine already exists in this process (eSpeak NG allows one)"},
};

const char *narr_strerror(narr_status st)
{
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (messages[i].code == st)
            return messages[i].text;
    return "unknown error";
}
