/* rule_number: cardinal numbers, spelled by ICU.
 * "12 500" → douze mille cinq cents, "-8" → moins huit,
 * "3,05" → trois virgule zéro cinq, "21 mesures" → vingt et une mesures. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

static size_t apply(narr_norm *n, size_t i)
{
    narr_numeral num;
    if (!narr_read_numeral(n, i, &num))
        return 0;
    narr_say_numeral(n, &num, narr_gender_of(n, i + num.ntok));
    return num.ntok;
}

const narr_rule narr_rule_number = {"number", apply};
