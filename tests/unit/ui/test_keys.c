/* SPDX-License-Identifier: MIT */
/* The key table: no key of a dialog means something else on the screen
 * behind it (issue 11 item 2: "s" in the quit question quit and threw the
 * answers away, where "s" means save everywhere else). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "core/msg.h"
#include "ui/keys.h"

/* Two meanings a reflex can carry over without harm: the same action, or
 * "back out" (No, Back) on both sides, or "take this" (Enter and Space:
 * confirm, toggle) on both sides. */
static bool compatible(enum action dialog, enum action behind)
{
	/* a character typed into a field (a date) is text, not a command */
	if (dialog == behind || behind == ACT_INSERT)
		return true;
	bool out_d = dialog == ACT_NO || dialog == ACT_BACK;
	bool out_b = behind == ACT_BACK;
	if (out_d && out_b)
		return true;
	bool take_d = dialog == ACT_CONFIRM || dialog == ACT_TOGGLE;
	bool take_b = behind == ACT_CONFIRM || behind == ACT_TOGGLE;
	return take_d && take_b;
}

static const char *ctx_name(unsigned c)
{
	static const char *const names[] = {"welcome", "question", "multi", "info", "results",
	                                    "list", "doc", "search", "panel", "dialog", "small",
	                                    "prompt", "form", "date"};
	for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
		if (c == 1u << i)
			return names[i];
	return "?";
}

/* Every key a person types in a yes/no question or a dialog's fields
 * (letters, digits, punctuation, Enter, Esc, Space): on each screen a
 * dialog can open over, it must do nothing there or the same thing. The
 * cursor keys (arrows, Tab, Home, End, Page Up/Down) are left out: they
 * move the focus of whatever is in front, as in every dialog, and never
 * change or lose anything. The keys are the same in every language (the
 * table has no per-language keys), so this holds in every language. */
static void test_dialog_keys_never_mean_something_else_behind(void **state)
{
	(void)state;
	static const unsigned dialogs[] = {CTX_DIALOG, CTX_FORM};
	int keys[128 + 2], nk = 0;
	for (int k = 32; k < 127; k++)
		keys[nk++] = k;
	keys[nk++] = K_ENTER;
	keys[nk++] = K_ESC;
	int clashes = 0, checked = 0;
	/* Each language has its own yes and no keys (messages key_yes, key_no). */
	static const char *const langs[] = {"en", "es"};
	for (size_t li = 0; li < sizeof langs / sizeof *langs; li++)
	for (size_t di = 0; di < sizeof dialogs / sizeof *dialogs; di++) {
		assert_true(msg_has_language(langs[li]));
		for (int i = 0; i < nk; i++) {
			enum action a = keys_action_in(dialogs[di], keys[i], langs[li]);
			if (a == ACT_NONE)
				continue;
			for (unsigned bit = 1; bit & CTX_ALL; bit <<= 1) {
				if (!(bit & CTX_SCREENS))
					continue;
				enum action b = keys_action(bit, keys[i]);
				checked++;
				if (b != ACT_NONE && !compatible(a, b)) {
					clashes++;
					fprintf(stderr, "%s: key %d ('%c'): action %d in the %s, %d on the %s screen\n",
					        langs[li], keys[i], keys[i] < 127 && keys[i] >= 32 ? keys[i] : '?', a,
					        ctx_name(dialogs[di]), b, ctx_name(bit));
				}
			}
		}
	}
	assert_true(checked > 50);
	assert_int_equal(clashes, 0);
}

/* The yes/no keys themselves: y and n everywhere, s saves. */
static void test_yes_no_keys(void **state)
{
	(void)state;
	assert_int_equal(keys_action(CTX_DIALOG, 'y'), ACT_YES);
	assert_int_equal(keys_action(CTX_DIALOG, 'n'), ACT_NO);
	assert_int_equal(keys_action(CTX_DIALOG, K_ESC), ACT_NO);
	assert_int_equal(keys_action(CTX_DIALOG, 's'), ACT_SAVE);
	assert_int_equal(keys_action(CTX_QUESTION, 's'), ACT_SAVE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 's', "es"), ACT_SAVE);
	assert_int_equal(keys_action_in(CTX_DIALOG, 'y', "es"), ACT_YES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dialog_keys_never_mean_something_else_behind),
		cmocka_unit_test(test_yes_no_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
