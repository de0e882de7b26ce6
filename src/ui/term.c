/* The terminal side of the full-screen wizard, and the only file that
 * includes curses.h. Each turn: the screen state (ui_state.c) gives a view,
 * layout_build (layout.c, a pure function) turns it and the window size into
 * positioned text, which is painted here; a key is read, turned into an
 * action through the one key table (keys.c), and handed back to the state,
 * which applies it to the session. Nothing here knows how a screen looks,
 * and nothing there knows curses. */
#include "ui/term.h"

#include <curses.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/keys.h"
#include "ui/layout.h"
#include "core/msg.h"
#include "core/text.h"
#include "ui/state.h"
#include "core/util.h"

enum { K_RESIZE = K_BASE + 0x1000 };

/* How the terminal draws: colours or attributes only, UTF-8 or ASCII. */
struct look {
	bool color, ascii;
};

/* Terminal state, global so that the one teardown can run from atexit too
 * (an out-of-memory exit must not leave the terminal in raw mode). */
static SCREEN *screen;
static FILE *tty_out, *tty_in;
static bool tty_owned;
static bool active;
static volatile sig_atomic_t got_signal;
/* Every signal whose default is to end the process and that can be caught:
 * each ends the wizard through the normal teardown (exit 128+N). */
static const int caught[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                             SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};
enum { NCAUGHT = sizeof caught / sizeof *caught };
static struct sigaction old_actions[NCAUGHT];
/* Signals of a crash: no normal teardown is possible there, so the handler
 * only puts the terminal back (async-signal-safe calls) and dies of the
 * same signal. */
static const int crashes[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
enum { NCRASHES = sizeof crashes / sizeof *crashes };
static struct sigaction old_crash_actions[NCRASHES];
/* What the crash handler needs, ready before curses starts: the terminal's
 * modes, its descriptor, and the bytes that leave the alternate screen. */
static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes;
static int tty_fd = -1;
static char exit_seq[128];
static size_t exit_len;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void on_crash(int sig)
{
	if (tty_fd >= 0) {
		if (exit_len) {
			ssize_t n = write(tty_fd, exit_seq, exit_len);
			(void)n;
		}
		if (have_saved_modes)
			tcsetattr(tty_fd, TCSANOW, &saved_modes);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* No SA_RESTART: a signal interrupts the blocking read, so the loop sees the
 * flag at once and leaves through the normal teardown. Installed before
 * newterm, so ncurses keeps its own hands off these signals. */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &sa, &old_actions[i]);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (int i = 0; i < NCRASHES; i++)
		sigaction(crashes[i], &sa, &old_crash_actions[i]);
}

static void restore_signals(void)
{
	for (int i = 0; i < NCAUGHT; i++)
		sigaction(caught[i], &old_actions[i], NULL);
	for (int i = 0; i < NCRASHES; i++)
		sigaction(crashes[i], &old_crash_actions[i], NULL);
	tty_fd = -1;
	have_saved_modes = 0;
	exit_len = 0;
}

/* Appends a terminfo string, without its $<..> padding, to exit_seq. */
static void add_exit_cap(const char *cap)
{
	if (!cap || cap == (char *)-1)
		return;
	for (const char *p = cap; *p && exit_len < sizeof exit_seq; p++) {
		if (p[0] == '$' && p[1] == '<' && strchr(p, '>')) {
			p = strchr(p, '>');
			continue;
		}
		exit_seq[exit_len++] = *p;
	}
}

/* Writes a terminfo string without its $<..> padding. */
static void put_cap(const char *cap)
{
	if (!cap || cap == (char *)-1)
		return;
	for (const char *p = cap; *p; p++) {
		if (p[0] == '$' && p[1] == '<') {
			const char *e = strchr(p, '>');
			if (e) {
				p = e;
				continue;
			}
		}
		fputc(*p, tty_out);
	}
}

/* The one way out of curses mode: idempotent, safe from atexit. With wipe,
 * the screen and (where the terminal can) its scrollback are cleared too. */
static void teardown(bool wipe)
{
	if (!active)
		return;
	active = false;
	endwin();
	if (wipe) {
		const char *clear = tigetstr("clear");
		const char *e3 = tigetstr("E3");
		put_cap(clear);
		if (e3 && e3 != (char *)-1)
			put_cap(e3);
		else if (clear && clear != (char *)-1 && clear[0] == '\033' && clear[1] == '[')
			fputs("\033[3J", tty_out); /* ECMA-48 "erase saved lines", ignored where unknown */
	}
	fflush(tty_out);
	delscreen(screen);
	screen = NULL;
	if (tty_owned) {
		fclose(tty_out);
		fclose(tty_in);
	}
	tty_out = tty_in = NULL;
	restore_signals();
}

static void teardown_at_exit(void)
{
	teardown(false);
}

/* UTF-8 if the locale speaks it; a plain C/POSIX locale gets C.UTF-8 (the
 * usual case in containers and CI, where the terminal does speak UTF-8).
 * Any other charset: ASCII only, every other character shown as '?'. */
static bool setup_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8") == 0)
		return false;
	if ((strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0 ||
	     strcmp(cs, "US-ASCII") == 0) &&
	    setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return false;
	return true;
}

enum pair { P_BAR = 1, P_SEL, P_FOOT, P_MSG, P_BORDER, P_ALT };

static void init_colors(struct look *u)
{
	const char *nc = getenv("NO_COLOR");
	u->color = has_colors() && !(nc && *nc);
	if (!u->color)
		return;
	start_color();
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(P_BAR, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_SEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_FOOT, COLOR_BLACK, COLOR_WHITE);
	init_pair(P_MSG, COLOR_BLACK, COLOR_YELLOW);
	init_pair(P_BORDER, COLOR_CYAN, bg);
	init_pair(P_ALT, COLOR_GREEN, bg);
}

/* Terminal descriptions such as vt100 lack F12, PgUp/PgDn or Home/End,
 * while the emulators that claim to be one send the xterm sequences anyway.
 * Teaching ncurses those sequences (where the description has none) keeps
 * quick exit and paging working there. */
static void add_common_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{"\033[24~", KEY_F(12)}, {"\033OP", KEY_F(1)},   {"\033[11~", KEY_F(1)},
		{"\033[5~", KEY_PPAGE},  {"\033[6~", KEY_NPAGE}, {"\033[H", KEY_HOME},
		{"\033[F", KEY_END},     {"\033[1~", KEY_HOME},  {"\033[4~", KEY_END},
		{"\033OH", KEY_HOME},    {"\033OF", KEY_END},    {"\033[7~", KEY_HOME},
		{"\033[8~", KEY_END},    {"\033[3~", KEY_DC},    {"\033[Z", KEY_BTAB},
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

static bool start_curses(struct look *u)
{
	/* open(), not fopen("w"): where /dev/tty is missing (a bare chroot),
	 * O_CREAT would make a regular file of that name. */
	int wfd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	int rfd = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
	tty_out = wfd >= 0 ? fdopen(wfd, "w") : NULL;
	tty_in = rfd >= 0 ? fdopen(rfd, "r") : NULL;
	if (wfd >= 0 && !tty_out)
		close(wfd);
	if (rfd >= 0 && !tty_in)
		close(rfd);
	tty_owned = tty_out && tty_in;
	if (!tty_owned) {
		if (tty_out)
			fclose(tty_out);
		if (tty_in)
			fclose(tty_in);
		tty_out = stdout;
		tty_in = stdin;
	}
	tty_fd = fileno(tty_out);
	have_saved_modes = tcgetattr(tty_fd, &saved_modes) == 0;
	screen = newterm(NULL, tty_out, tty_in);
	const char *cup = screen ? tigetstr("cup") : NULL;
	if (!screen || !cup || cup == (char *)-1) {
		/* No cursor addressing (dumb, unknown): the caller falls back. */
		if (screen) {
			endwin();
			delscreen(screen);
			screen = NULL;
		}
		if (tty_owned) {
			fclose(tty_out);
			fclose(tty_in);
		}
		return false;
	}
	active = true;
	static bool registered;
	if (!registered) {
		atexit(teardown_at_exit);
		registered = true;
	}
	cbreak(); /* not raw: Ctrl-C, Ctrl-Z and Ctrl-\ keep working */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	add_common_keys();
	intrflush(stdscr, FALSE);
	if (!getenv("ESCDELAY"))
		set_escdelay(50); /* Esc means back: do not make it wait a second */
	wtimeout(stdscr, 1000);
	curs_set(0);
	init_colors(u);
	exit_len = 0;
	add_exit_cap(tigetstr("sgr0"));
	add_exit_cap(tigetstr("cnorm"));
	add_exit_cap(tigetstr("rmcup"));
	return true;
}

/* Painting ---------------------------------------------------------------- */

static attr_t style_attr(const struct look *u, enum lay_style st, bool selected)
{
	attr_t a = A_NORMAL;
	bool c = u->color;
	if (selected) {
		a = c ? COLOR_PAIR(P_SEL) : A_REVERSE;
		if (st == LS_TITLE || st == LS_HEADING)
			a |= A_BOLD;
		return a;
	}
	switch (st) {
	case LS_NORMAL:
	case LS_PANEL:
		break;
	case LS_BAR: a = (c ? COLOR_PAIR(P_BAR) : A_REVERSE) | A_BOLD; break;
	case LS_PIN: a = A_BOLD; break;
	case LS_TITLE:
	case LS_HEADING: a = A_BOLD; break;
	case LS_DIM: a = A_DIM; break;
	case LS_SELECTED: a = c ? COLOR_PAIR(P_SEL) : A_REVERSE; break;
	case LS_URL: a = A_UNDERLINE; break;
	case LS_FOOT: a = c ? COLOR_PAIR(P_FOOT) : A_REVERSE; break;
	case LS_FOOT_KEY: a = (c ? COLOR_PAIR(P_FOOT) : A_REVERSE) | A_BOLD; break;
	case LS_MESSAGE: a = c ? COLOR_PAIR(P_MSG) : A_BOLD; break;
	case LS_BORDER: a = c ? COLOR_PAIR(P_BORDER) : A_NORMAL; break;
	case LS_INPUT: a = A_UNDERLINE; break;
	/* The second language: in colour where there is colour, else in
	 * italics (shown as plain text where the terminal has none). */
	case LS_ALT: a = c ? COLOR_PAIR(P_ALT) : A_ITALIC; break;
	}
	return a;
}

/* Text with glossary marks: the marked words are underlined. */
static void paint_text(const struct look *u, const struct lay_line *ln)
{
	attr_t base = style_attr(u, ln->style, ln->selected);
	bool mark = ln->mark;
	const char *p = ln->s, *end = ln->s + ln->len;
	wmove(stdscr, ln->y, ln->x);
	while (p < end) {
		const char *q = p;
		while (q + 3 <= end && !(memcmp(q, TEXT_MARK_ON, 3) == 0 || memcmp(q, TEXT_MARK_OFF, 3) == 0))
			q++;
		if (q + 3 > end)
			q = end;
		wattrset(stdscr, mark ? base | A_UNDERLINE : base);
		if (q > p)
			waddnstr(stdscr, p, (int)(q - p));
		if (q == end)
			break;
		mark = memcmp(q, TEXT_MARK_ON, 3) == 0;
		p = q + 3;
	}
}

static void paint_box(const struct look *u, const struct lay_line *ln)
{
	const char *h = u->ascii ? "-" : "\u2500", *v = u->ascii ? "|" : "\u2502";
	const char *tl = u->ascii ? "+" : "\u250c", *tr = u->ascii ? "+" : "\u2510";
	const char *bl = u->ascii ? "+" : "\u2514", *br = u->ascii ? "+" : "\u2518";
	wattrset(stdscr, style_attr(u, LS_BORDER, false));
	for (int r = 0; r < ln->h; r++) {
		int y = ln->y + r;
		bool edge = r == 0 || r == ln->h - 1;
		wmove(stdscr, y, ln->x);
		waddstr(stdscr, r == 0 ? tl : r == ln->h - 1 ? bl : v);
		for (int x = 1; x < ln->w - 1; x++) {
			if (edge) {
				waddstr(stdscr, h);
			} else {
				wattrset(stdscr, style_attr(u, LS_PANEL, false));
				waddch(stdscr, ' ');
				wattrset(stdscr, style_attr(u, LS_BORDER, false));
			}
		}
		waddstr(stdscr, r == 0 ? tr : r == ln->h - 1 ? br : v);
	}
}

static void paint(const struct look *u, const struct layout *l)
{
	static int cursor_state = -1;
	werase(stdscr);
	for (size_t i = 0; i < l->n; i++) {
		const struct lay_line *ln = &l->v[i];
		switch (ln->kind) {
		case LK_FILL:
			wattrset(stdscr, A_NORMAL);
			mvwhline(stdscr, ln->y, ln->x, ' ' | style_attr(u, ln->style, false), ln->w);
			break;
		case LK_BOX:
			paint_box(u, ln);
			break;
		case LK_TEXT:
			paint_text(u, ln);
			break;
		}
	}
	wattrset(stdscr, A_NORMAL);
	int want = l->cur_y >= 0 ? 1 : 0;
	if (want != cursor_state) {
		curs_set(want);
		cursor_state = want;
	}
	if (want)
		wmove(stdscr, l->cur_y, l->cur_x);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Keys -------------------------------------------------------------------- */

/* What the terminal sent, as an `enum key` (or a character). */
static int read_key(void)
{
	wint_t ch;
	int r = wget_wch(stdscr, &ch);
	if (r == ERR)
		return K_NONE;
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return K_UP;
		case KEY_DOWN: return K_DOWN;
		case KEY_LEFT: return K_LEFT;
		case KEY_RIGHT: return K_RIGHT;
		case KEY_PPAGE: return K_PGUP;
		case KEY_NPAGE: return K_PGDN;
		case KEY_HOME: return K_HOME;
		case KEY_END: return K_END;
		case KEY_ENTER: return K_ENTER;
		case KEY_BACKSPACE: return K_BACKSPACE;
		case KEY_DC: return K_DELETE;
		case KEY_BTAB: return K_BTAB;
		case KEY_F(1): return K_F1;
		case KEY_F(12): return K_F12;
		case KEY_RESIZE: return K_RESIZE;
		default: return K_NONE;
		}
	}
	switch (ch) {
	case '\r':
	case '\n': return K_ENTER;
	case 0x7F:
	case 0x08: return K_BACKSPACE;
	case 0x1B: return K_ESC;
	case '\t': return K_TAB;
	case 0x0C: return K_REDRAW;
	case 0x15: return K_KILL;
	default: break;
	}
	if (ch < 0x20 || ch >= 0x110000)
		return K_NONE;
	return (int)ch;
}

/* Without the screen, the resume notice goes where main's messages go. */
static void notice_to_stderr(const struct ui_options *o)
{
	if (!o->answers_file || !o->guide_changed)
		return;
	char *file = text_sanitize(o->answers_file, false, false);
	char *text = text_sanitize(msg(o->lang, M_UI_GUIDE_CHANGED), false, false);
	fprintf(stderr, "remedies: %s: %s (%zu/%zu)\n", file, text, o->answers_used,
	        o->answers_total);
	free(text);
	free(file);
}

int ui_run(struct session *s, const struct ui_options *o)
{
	const char *lang = o->lang;
	struct look t = {false, setup_locale()};
	text_set_width_mode(TEXT_WIDTH_WCWIDTH);
	got_signal = 0;
	catch_signals();
	if (!start_curses(&t)) {
		restore_signals();
		text_set_width_mode(TEXT_WIDTH_UTF8PROC);
		notice_to_stderr(o);
		return UI_NO_TERMINAL;
	}
	struct ui_state *u = ui_state_new(s, lang, t.ascii);
	ui_state_configure(u, o);
	struct layout *lay = NULL;
	enum ui_outcome out = UI_GO_ON;
	int status = 0;
	bool dirty = true;
	while (out == UI_GO_ON) {
		if (got_signal) {
			status = 128 + got_signal;
			break;
		}
		if (dirty) {
			struct view v = ui_state_view(u);
			layout_free(lay);
			lay = layout_build(&v, COLS, LINES);
			ui_state_laid_out(u, lay);
			paint(&t, lay);
		}
		dirty = false;
		int key = read_key();
		if (key == K_NONE)
			continue;
		dirty = true;
		if (key == K_RESIZE)
			continue;
		enum action a = keys_action(lay->ctx, key);
		if (a == ACT_REDRAW)
			clearok(curscr, TRUE);
		else
			out = ui_state_act(u, a, key);
	}
	teardown(out == UI_QUICK_EXIT);
	if (out == UI_QUIT) {
		enum msg_id last = ui_state_wrote_files(u) ? M_BYE_FILES : M_BYE;
		char *bye = text_sanitize(msg(ui_state_lang(u), last), false, t.ascii);
		printf("%s\n", bye);
		free(bye);
	}
	layout_free(lay);
	ui_state_free(u);
	text_set_width_mode(TEXT_WIDTH_UTF8PROC);
	return status;
}
