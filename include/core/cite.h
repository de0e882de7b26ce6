/* SPDX-License-Identifier: MIT */
/* Citations against their addresses: a link that opens another law than
 * the one cited sends a reader to the wrong place. Part of `check`. */
#ifndef REMEDIES_CITE_H
#define REMEDIES_CITE_H

#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"

/* Whether a citation's cite text names the authority its address opens, for
 * the address patterns known: LII U.S. Code (law.cornell.edu/uscode/text/
 * TITLE/SECTION) and CFR (law.cornell.edu/cfr/text/TITLE/SECTION-OR-PART),
 * eCFR (ecfr.gov/.../title-T/.../part-P/.../section-S) and Justia U.S. Reports
 * (supreme.justia.com/cases/federal/us/VOLUME/PAGE-OR-DOCKET). Any other
 * address is CITE_URL_UNKNOWN. On a mismatch, msg (msglen bytes, may be 0)
 * gets one sentence saying what the address opens and what the cite names. */
enum cite_url_result { CITE_URL_AGREE, CITE_URL_UNKNOWN, CITE_URL_MISMATCH };
enum cite_url_result cite_check_url(const char *cite, const char *url, char *msg, size_t msglen);

/* Appends an error to d for every citation of g whose address opens
 * another authority than its cite names. */
void cite_check_guide(const struct guide *g, struct diags *d);

#endif
