/* SPDX-License-Identifier: MIT */
#include "ui/turn.h"

struct layout *ui_turn_draw(struct ui_state *u, struct layout *prev, int width, int height)
{
	struct view v = ui_state_view(u);
	layout_free(prev);
	struct layout *l = layout_build(&v, width, height);
	ui_state_laid_out(u, l);
	return l;
}

enum ui_outcome ui_turn_key(struct ui_state *u, const struct layout *l, int key, bool *redraw)
{
	enum action a = keys_action_in(l->ctx, key, ui_state_lang(u));
	if (a == ACT_REDRAW) {
		if (redraw)
			*redraw = true;
		return UI_GO_ON;
	}
	return ui_state_act(u, a, key);
}
