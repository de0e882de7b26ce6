/* The program's own words (not the guide's), in every language it speaks.
 * Each message has an id; msg() returns it in the language asked for, or in
 * English when there is no translation. */
#ifndef REMEDIES_MSG_H
#define REMEDIES_MSG_H

enum msg_id {
	M_DISCLAIMER,
	M_PRIVACY,
	M_STEP,
	M_CHOOSE_ONE,
	M_CHOOSE_MANY,
	M_CONTINUE,
	M_PLAIN_KEYS,
	M_NO_HELP,
	M_NOT_A_CHOICE,
	M_AT_START,
	M_RESTARTED,
	M_RESULTS,
	M_NO_RESULTS,
	M_WHO,
	M_SUMMARY,
	M_DEADLINES,
	M_STEPS,
	M_NEED,
	M_LIMITS,
	M_WHERE,
	M_CITATIONS,
	M_RULED_OUT,
	M_RULED_OUT_BY,
	M_RULED_OUT_COND,
	M_GET_HELP,
	M_VERIFIED,
	M_INPUT_ENDED,
	M_BYE,
	M_COUNT
};

/* lang may be NULL (English). The string is static. */
const char *msg(const char *lang, enum msg_id id);
/* Whether the program's own words exist in this language. */
int msg_has_language(const char *lang);

#endif
