/* feed_date: hand-parsed on purpose: strptime depends on the locale and
 * knows no zone offsets, and getdate is not thread-safe. */
#include "input/feed_date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

/* Reads exactly n digits at *p (advancing); -1 if they are not there. */
static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Checks the fields and fills out; offset is the zone in seconds east. */
static bool finish(int y, int mon, int d, int h, int mi, int s, long offset, narr_date *out)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 9999 || mon < 1 || mon > 12 || d < 1 || d > mdays[mon - 1] ||
        (mon == 2 && d == 29 && !leap(y)) || h > 23 || mi > 59 || s > 60)
        return false;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mon - 1, .tm_mday = d,
                    .tm_hour = h, .tm_min = mi, .tm_sec = s};
    out->when = timegm(&tm) - offset;
    /* unsigned and reduced: the compiler then knows it fits */
    snprintf(out->day, sizeof out->day, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mon % 100u,
             (unsigned)d % 100u);
    return true;
}

/* "+0100", "-05:00" (colon optional), "Z", "GMT", "UT", "UTC", US zones,
 * or the end of the string (UTC); *p ends past it. */
static bool zone(const char **p, bool colon_ok, long *offset)
{
    static const struct {
        const char *name;
        int hours;
    } names[] = {{"GMT", 0}, {"UTC", 0}, {"UT", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
                 {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    const char *s = *p;
    *offset = 0;
    if (*s == '\0')
        return true;
    if (*s == '+' || *s == '-') {
        int sign = *s == '-' ? -1 : 1;
        s++;
        int h = digits(&s, 2);
        if (colon_ok && *s == ':')
            s++;
        int m = digits(&s, 2);
        if (h < 0 || m < 0 || h > 23 || m > 59)
            return false;
        *offset = sign * (h * 3600L + m * 60L);
        *p = s;
        return true;
    }
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i].name);
        if (strncasecmp(s, names[i].name, n) == 0 && !isalpha((unsigned char)s[n])) {
            *offset = names[i].hours * 3600L;
            *p = s + n;
            return true;
        }
    }
    return false;
}

/* "09:30" or "09:30:00" (fractions skipped) into t[0..2]; *p moves past. */
static bool clock_time(const char **p, int t[3])
{
    const char *s = *p;
    t[2] = 0;
    if ((t[0] = digits(&s, 2)) < 0 || *s++ != ':' || (t[1] = digits(&s, 2)) < 0)
        return false;
    if (*s == ':') {
        s++;
        if ((t[2] = digits(&s, 2)) < 0)
            return false;
        if (*s == '.' || *s == ',')
            for (s++; isdigit((unsigned char)*s); s++)
                ;
    }
    *p = s;
    return true;
}

/* "2026-12-07", "2026-12-07T09:30", "2026-12-07T09:30:00.123+01:00". */
static bool parse_iso(const char *s, narr_date *out)
{
    int y = digits(&s, 4), mon = -1, d = -1, t[3] = {0, 0, 0};
    if (y < 0 || *s++ != '-' || (mon = digits(&s, 2)) < 0 || *s++ != '-' ||
        (d = digits(&s, 2)) < 0)
        return false;
    if (*s == 'T' || *s == 't' || *s == ' ') {
        s++;
        if (!clock_time(&s, t))
            return false;
    }
    long offset = 0;
    if (!zone(&s, true, &offset) || *s != '\0')
        return false;
    return finish(y, mon, d, t[0], t[1], t[2], offset, out);
}

/* "Mon, 07 Dec 2026 09:30:00 +0100" (weekday, seconds optional). */
static bool parse_rfc822(const char *s, narr_date *out)
{
    if (isalpha((unsigned char)*s)) {
        while (isalpha((unsigned char)*s))
            s++;
        if (*s == ',')
            s++;
        while (*s == ' ')
            s++;
    }
    int d = 0, n = 0;
    while (isdigit((unsigned char)*s) && n < 2)
        d = d * 10 + (*s++ - '0'), n++;
    if (n == 0 || *s++ != ' ')
        return false;
    int mon = 0;
    for (int i = 0; i < 12; i++)
        if (strncasecmp(s, months[i], 3) == 0)
            mon = i + 1;
    if (mon == 0)
        return false;
    while (isalpha((unsigned char)*s)) /* "Dec" or "December" */
        s++;
    if (*s++ != ' ')
        return false;
    const char *y_start = s;
    int y = 0;
    while (isdigit((unsigned char)*s) && s - y_start < 4)
        y = y * 10 + (*s++ - '0');
    if (s - y_start == 2)
        y += y < 50 ? 2000 : 1900;
    else if (s - y_start != 4)
        return false;
    int t[3] = {0, 0, 0};
    long offset = 0;
    if (*s == ' ') {
        s++;
        if (!clock_time(&s, t))
            return false;
        while (*s == ' ')
            s++;
        if (!zone(&s, false, &offset))
            return false;
    }
    return *s == '\0' && finish(y, mon, d, t[0], t[1], t[2], offset, out);
}

bool narr_date_parse(const char *s, narr_date *out)
{
    char text[64];
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof text)
        return false;
    memcpy(text, s, n);
    text[n] = '\0';
    return n > 4 && isdigit((unsigned char)text[0]) && text[4] == '-' ? parse_iso(text, out)
                                                             : parse_rfc822(text, out);
}

void narr_date_rfc822(time_t when, char out[32])
{
    struct tm tm;
    gmtime_r(&when, &tm);
    snprintf(out, 32, "%s, %02d %s %04d %02d:%02d:%02d GMT", weekdays[tm.tm_wday], tm.tm_mday,
             months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void narr_date_day(time_t when, char out[11])
{
    struct tm tm;
    gmtime_r(&when, &tm);
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(tm.tm_year + 1900) % 10000u,
             (unsigned)(tm.tm_mon + 1) % 100u, (unsigned)tm.tm_mday % 100u);
}
