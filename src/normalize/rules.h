/* The normalizer's rules, one file each under rules/, in the order they
 * are tried at each token (the first that takes a span wins): the most
 * specific patterns come first, plain numbers and words last. */
#ifndef NARR_RULES_H
#define NARR_RULES_H

#include "normalize/rule.h"

#define NARR_RULES(X) \
    X(foreign)        /* a passage marked in another language: as written */ \
    X(leftover)       /* web leftovers: "(s'ouvre dans un nouvel onglet)", [1] */ \
    X(url_email)      /* lemonde.fr, contact@exemple.fr */ \
    X(inclusive)      /* électeur·rices, député·e·s, (sur)représentation */ \
    X(legal)          /* l'article L. 121-1, art. R4127-1 */ \
    X(phone)          /* 01 23 45 67 89, +33 1 ... */ \
    X(date)           /* 26/11/2026, 14 juillet 1789, 2019-2021, années 1990 */ \
    X(version)        /* iOS 17.2.1, la version 3.6, le 49.3 */ \
    X(code)           /* 75002 Paris, TGV 6611, vol AF 447 */ \
    X(time)           /* 14h30, 9 h 05, 10:30 */ \
    X(money)          /* 12,50 €, 1,5 Md€, 3 Mds$ */ \
    X(percent)        /* 7,3 %, +1,2 % */ \
    X(unit)           /* 130 km/h, 20 °C, 5 Go */ \
    X(fraction)       /* 1/2, 3/4 */ \
    X(range)          /* 10-15 ans, p. 12-15 */ \
    X(ordinal)        /* 1er, 2e, 21e, XXIe */ \
    X(roman)          /* Louis XIV, tome III */ \
    X(number)         /* 12 500, -8, 3,14 */ \
    X(lexicon)        /* OpenAI, Metz, Joe Biden: assets/lexicon.tsv */ \
    X(abbreviation)   /* M., Mme, p., etc. */ \
    X(acronym)        /* SNCF, l'IA, OTAN */ \
    X(symbol)         /* & @ + = § */ \
    X(quote)          /* « » “ ” and punctuation as pauses */

#define NARR_DECLARE_RULE(name) extern const narr_rule narr_rule_##name;
NARR_RULES(NARR_DECLARE_RULE)
#undef NARR_DECLARE_RULE

#endif
