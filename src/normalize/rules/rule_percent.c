/* rule_percent: not written yet (see rules.h for what it covers). */
#include "normalize/rules.h"

static size_t apply(narr_norm *n, size_t i)
{
    (void)n;
    (void)i;
    return 0;
}

const narr_rule narr_rule_percent = {"percent", apply};
