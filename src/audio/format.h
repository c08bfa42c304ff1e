/* format: the sample rates each audio file format takes. (The format
 * names and extensions are public: narrateur.h.) */
#ifndef NARR_FORMAT_H
#define NARR_FORMAT_H

#include "narrateur.h"

/* NULL when rate (Hz) suits the format, else why not ("Opus takes 8000,
 * 12000, 16000, 24000 or 48000 Hz"). Static string. */
const char *narr_audio_rate_problem(narr_audio_format format, int rate);

#endif
