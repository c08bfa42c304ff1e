/* Every status code has its own message. */
#include "../check.h"
#include "narrateur.h"

int main(void)
{
    for (int code = NARR_OK; code >= NARR_E_BUSY; code--) {
        const char *msg = narr_strerror((narr_status)code);
        CHECK(strcmp(msg, "unknown error") != 0);
        for (int other = NARR_OK; other > code; other--)
            CHECK(strcmp(msg, narr_strerror((narr_status)other)) != 0);
    }
    CHECK_STR_EQ(narr_strerror((narr_status)12345), "unknown error");
    CHECK_STR_EQ(narr_strerror(NARR_E_NODEVICE), "no audio output device found");
    return CHECK_DONE();
}
