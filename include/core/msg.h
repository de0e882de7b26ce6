/* SPDX-License-Identifier: MIT */
/* The program's own words (not the guide's), in every language it speaks.
 * The texts live in guide/messages.yaml, built into the program; each has an
 * id here, and msg() returns it in the language asked for, or in English
 * when there is no translation. */
#ifndef REMEDIES_MSG_H
#define REMEDIES_MSG_H

#include <stddef.h>

#include "core/diag.h"
#include "core/guide.h"

/* Every message id; the text of each is in guide/messages.yaml under the
 * same name in lower case (M_BYE is "bye"). */
#define MSG_IDS(X) \
	X(DISCLAIMER) \
	X(PRIVACY) \
	X(STEP) \
	X(CHOOSE_ONE) \
	X(CHOOSE_MANY) \
	X(CONTINUE) \
	X(PLAIN_KEYS) \
	X(NO_HELP) \
	X(NOT_A_CHOICE) \
	X(PLAIN_ALONE) \
	X(PLAIN_DATE_KEEP) \
	X(AT_START) \
	X(RESTARTED) \
	X(RESULTS) \
	X(NO_RESULTS) \
	X(WHO) \
	X(SUMMARY) \
	X(DEADLINES) \
	X(STEPS) \
	X(NEED) \
	X(LIMITS) \
	X(WHERE) \
	X(CITATIONS) \
	X(RULED_OUT) \
	X(RULED_OUT_BY) \
	X(RULED_OUT_COND) \
	X(GET_HELP) \
	X(VERIFIED) \
	X(INPUT_ENDED) \
	X(BYE) \
	X(PLAIN_EARLIER) \
	X(REPORT_TITLE) \
	X(REPORT_DATE) \
	X(REPORT_GUIDE) \
	X(REPORT_LANGUAGE) \
	X(REPORT_SITUATION) \
	X(REPORT_ANSWERS) \
	X(REPORT_PRIVATE) \
	X(UI_ABOUT) \
	X(UI_DISCLAIMER_SHORT) \
	X(UI_START) \
	X(UI_START_BUTTON) \
	X(UI_KEYS) \
	X(UI_HINT_ONE) \
	X(UI_HINT_MANY) \
	X(UI_CONTINUE_BUTTON) \
	X(UI_TICK_FIRST) \
	X(UI_ALONE_ON) \
	X(UI_ALONE_OFF) \
	X(UI_DATE_KEEP) \
	X(UI_TOO_SMALL) \
	X(UI_QUIT_Q) \
	X(UI_QUIT_SAVE_FIRST) \
	X(UI_RESTART_Q) \
	X(UI_QUIT_YES) \
	X(UI_STAY) \
	X(UI_RESTART_YES) \
	X(UI_CANCEL) \
	X(UI_HELP) \
	X(UI_GLOSSARY) \
	X(UI_ON_SCREEN) \
	X(UI_ALL_TERMS) \
	X(UI_NO_TERMS) \
	X(UI_SEARCH) \
	X(UI_SEARCH_HINT) \
	X(UI_SEARCH_NONE) \
	X(UI_MATCHES) \
	X(UI_MORE_HITS) \
	X(UI_KIND_QUESTION) \
	X(UI_KIND_REMEDY) \
	X(UI_KIND_TERM) \
	X(UI_NOT_ON_PATH) \
	X(UI_ON_PATH) \
	X(UI_REVIEW) \
	X(UI_REVIEW_HINT) \
	X(UI_REVIEW_NONE) \
	X(UI_CHANGING) \
	X(UI_KEPT) \
	X(UI_RESULTS_HINT) \
	X(UI_DEADLINE) \
	X(DATE_WEEKDAYS) \
	X(DATE_MONTHS) \
	X(DATE_LONG) \
	X(DATE_MEDIUM) \
	X(DATE_HOLIDAY) \
	X(DATE_MONTH_YEAR) \
	X(DATE_UNKNOWN) \
	X(DATE_FORMAT) \
	X(DATE_PROMPT) \
	X(DATE_BAD_SYNTAX) \
	X(DATE_NO_SUCH_DAY) \
	X(DATE_RANGE) \
	X(DATE_FUTURE) \
	X(DL_DAYS_LEFT) \
	X(DL_ONE_DAY_LEFT) \
	X(DL_TODAY) \
	X(DL_FILE_BY) \
	X(DL_ON_DAY) \
	X(DL_WAS_ON) \
	X(DL_PASSED) \
	X(DL_OPENS_ON) \
	X(DL_OPENED) \
	X(DL_EARLIEST) \
	X(DL_LATEST) \
	X(DL_EARLIEST_GIVEN) \
	X(DL_LATEST_GIVEN) \
	X(ICS_NAME) \
	X(ICS_REMINDER) \
	X(UI_FMT_ICS) \
	X(DL_OFF_DAY) \
	X(DL_NO_DATE) \
	X(DL_URGENT) \
	X(DL_PASSED_MARK) \
	X(DL_FROM) \
	X(DL_DEADLINE_USAGE) \
	X(K_DATE_TYPE) \
	X(K_DATE_CHANGE) \
	X(K_DATE_PART) \
	X(UI_DATE_FIELD) \
	X(UI_DATE_DIGITS) \
	X(UI_WHY_NOT) \
	X(UI_NONE_RULED_OUT) \
	X(UI_FIRST_SCREEN) \
	X(KEY_ENTER) \
	X(KEY_SPACE) \
	X(KEY_BACKSPACE) \
	X(KEY_PAGES) \
	X(K_MOVE) \
	X(K_SCROLL) \
	X(K_START) \
	X(K_CHOOSE) \
	X(K_TICK) \
	X(K_CONTINUE) \
	X(K_OPEN) \
	X(K_CHANGE) \
	X(K_CONFIRM) \
	X(K_WHY_NOT) \
	X(K_BACK) \
	X(K_CLOSE) \
	X(K_HELP) \
	X(K_ANSWERS) \
	X(K_GLOSSARY) \
	X(K_SEARCH) \
	X(K_RESTART) \
	X(K_QUIT) \
	X(K_QUICK_EXIT) \
	X(K_DIRECT) \
	X(K_CONFIRM_LONG) \
	X(K_TICK_LONG) \
	X(K_BACK_LONG) \
	X(K_GLOSSARY_LONG) \
	X(K_SEARCH_LONG) \
	X(K_ANSWERS_LONG) \
	X(K_WHY_NOT_LONG) \
	X(K_RESTART_LONG) \
	X(K_QUIT_LONG) \
	X(K_CLOSE_LONG) \
	X(K_QUICK_EXIT_LONG) \
	X(LANG_NAME) \
	X(K_LANGUAGE) \
	X(K_LANGUAGE_LONG) \
	X(UI_LANG_NOW) \
	X(UI_OTHER_LANG_HINT) \
	X(UI_ONE_LANGUAGE) \
	X(K_BILINGUAL) \
	X(K_BILINGUAL_LONG) \
	X(UI_BI_ON) \
	X(UI_BI_OFF) \
	X(UI_BI_NARROW) \
	X(K_NOTES) \
	X(K_NOTES_LONG) \
	X(UI_NOTE) \
	X(UI_NOTES_ON) \
	X(UI_NOTES_OFF) \
	X(K_SAVE) \
	X(K_SAVE_LONG) \
	X(K_EXPORT) \
	X(K_EXPORT_LONG) \
	X(K_FIELD) \
	X(K_CHANGE_VALUE) \
	X(K_CANCEL) \
	X(UI_SAVE_TITLE) \
	X(UI_SAVE_ABOUT) \
	X(UI_SAVE_KEYS) \
	X(UI_SAVED) \
	X(UI_SAVE_CHANGING) \
	X(UI_EXPORT_TITLE) \
	X(UI_EXPORT_ABOUT) \
	X(UI_EXPORT_KEYS) \
	X(UI_EXPORTED) \
	X(UI_EXPORT_AT_END) \
	X(UI_FORMAT) \
	X(UI_FMT_TXT) \
	X(UI_FMT_MD) \
	X(UI_FMT_HTML) \
	X(UI_INCLUDE_ANSWERS) \
	X(UI_FILE_NAME) \
	X(UI_FOLDER) \
	X(UI_NEED_NAME) \
	X(UI_EXISTS_Q) \
	X(UI_REPLACE) \
	X(UI_NOT_SAVED) \
	X(ERR_NO_FOLDER) \
	X(ERR_NO_PERMISSION) \
	X(ERR_READ_ONLY) \
	X(ERR_FULL) \
	X(ERR_IS_FOLDER) \
	X(ERR_TOO_LONG) \
	X(ERR_NOT_SUPPORTED) \
	X(ERR_OTHER) \
	X(ERR_OUTSIDE_DESK) \
	X(ERR_DESK_NO_FILES) \
	X(DESK_IDLE_TITLE) \
	X(DESK_IDLE) \
	X(DESK_STAY) \
	X(DESK_WIPED) \
	X(DESK_NEW_CLIENT_Q) \
	X(DESK_NO_QUIT) \
	X(DESK_FOLDER) \
	X(DESK_ERASE) \
	X(K_NEW_CLIENT) \
	X(K_NEW_CLIENT_LONG) \
	X(K_ERASE) \
	X(K_ERASE_LONG) \
	X(K_VOLUNTEER) \
	X(K_SELF_HELP) \
	X(K_VIEW_LONG) \
	X(K_UNFOLD) \
	X(K_UNFOLD_LONG) \
	X(UI_VOLUNTEER_ON) \
	X(UI_VOLUNTEER_OFF) \
	X(UI_HELP_PREFIX) \
	X(UI_BY) \
	X(UI_ON) \
	X(UI_ENDS) \
	X(UI_ENDED) \
	X(UI_QUIT_Q_SAVED) \
	X(UI_QUIT_Q_CHANGED) \
	X(BYE_FILES) \
	X(UI_RESUMED) \
	X(UI_NOTICE) \
	X(UI_GUIDE_CHANGED) \
	X(UI_ANSWERS_USED) \
	X(UI_CHECK_FROM_HERE) \
	X(UI_DEMO) \
	X(UI_OF) \
	X(UI_DEMO_START) \
	X(UI_DEMO_CONTINUE) \
	X(UI_DEMO_CHOOSE) \
	X(UI_DEMO_TAKEN) \
	X(UI_DEMO_END) \
	X(UI_DEMO_KEYS) \
	X(UI_DEMO_KEYS_END) \
	X(UI_DEMO_NOTE) \
	X(UI_DEMO_TOOK_OVER) \
	X(UI_DEMO_OFF_SCRIPT) \
	X(K_NEXT_STEP) \
	X(UI_MORE_DIGITS) \
	X(UI_NO_NUMBER) \
	X(UI_URL_TOO_LONG) \
	X(UI_NO_LINKS) \
	X(UI_LINKS_TITLE) \
	X(UI_LINKS_MORE) \
	X(UI_LINKS_BACK) \
	X(K_LINKS) \
	X(K_LINKS_LONG) \
	X(MAP_LEGEND) \
	X(MAP_QUESTION) \
	X(MAP_MULTI) \
	X(MAP_INFO) \
	X(MAP_RESULT) \
	X(MAP_WALK) \
	X(MAP_AFTER) \
	X(MAP_SKIP) \
	X(MAP_ELSEWHERE) \
	X(MAP_RESULT_LABEL) \
	X(MAP_SECTION) \
	X(MAP_MORE) \
	X(MAP_DATE) \
	X(SEE) \
	X(SEE_ALSO) \
	X(DO_FIRST) \
	X(WHY_GOAL) \
	X(WHY_GOAL_ANY) \
	X(WHY_STRONG) \
	X(WHY_FIRST) \
	X(NO_DEADLINE) \
	X(RANKED) \
	X(K_GROUP) \
	X(K_FRAMING) \
	X(UI_FRAMING_FOLDED) \
	X(UI_SEARCH_SELECTED) \
	X(UI_LANG_HINT_OTHER) \
	X(KEY_YES) \
	X(KEY_NO) \
	X(REPORT_SUMMARY) \
	X(REPORT_CASE) \
	X(REPORT_DEADLINE_TABLE) \
	X(REPORT_COL_REMEDY) \
	X(REPORT_COL_DEADLINE) \
	X(REPORT_NO_DEADLINES) \
	X(REPORT_REVIEWED) \
	X(UI_CASE_FIELD) \
	X(UI_NO_MATCH) \
	X(UI_SAVES_TO) \
	X(UI_MATCHES_TAB) \
	X(K_DEMO_SCROLL) \
	X(K_DEMO_SCROLL_LONG)

enum msg_id {
#define MSG_ENUM(name) M_##name,
	MSG_IDS(MSG_ENUM)
#undef MSG_ENUM
	M_COUNT
};

/* lang may be NULL (English). The string is static. */
const char *msg(const char *lang, enum msg_id id);
/* Whether the program's own words exist in this language. */
int msg_has_language(const char *lang);
/* Whether message id has its own text in lang (no English stand-in). */
int msg_translated(const char *lang, enum msg_id id);

/* Checks guide/messages.yaml as built in: the same placeholders (%s,
 * %d...) as the English, no unknown names (errors); a message a language
 * lacks yet, or whose translation is stale (warnings). Appends problems to
 * d; returns how many errors. */
size_t msg_check(struct diags *d);
/* The text of guide/messages.yaml built into the program (for po export
 * where the file is not at hand). Caller frees. */
char *msg_source_text(size_t *len);
/* Frees the table; call once at the very end. */
void msg_free(void);

/* The name of language `code` in that language ("español"): the message
 * lang_name when the program speaks it, else a short built-in list of
 * endonyms, else the code itself. Never NULL. */
const char *msg_endonym(const char *code);
/* The guide's languages, each by its own name (msg_endonym), separated by
 * ", ": "English, español, français". Returns a new string. */
char *msg_lang_names(const struct guide *g);

#endif
