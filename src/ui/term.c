/* SPDX-License-Identifier: MIT */
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
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "ui/keys.h"
#include "ui/layout.h"
#include "core/fileio.h"
#include "ui/links.h"
#include "core/desk.h"
#include "ui/desk_wipe.h"
#include "core/msg.h"
#include "core/text.h"
#include "ui/state.h"
#include "ui/turn.h"
#include "core/util.h"

/* K_IGNORED: a key that does nothing, which still says someone is there. */
enum { K_RESIZE = K_BASE + 0x1000, K_IGNORED };

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
	fileio_abandon();
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

/* Desk mode: the keyboard cannot stop or suspend the program. */
static bool desk_keys;

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
	/* Not raw: Ctrl-C, Ctrl-Z and Ctrl-\ keep working. At an intake desk
	 * they must not: a client who presses them would be left at a shell,
	 * so there they arrive as keys (and do nothing), and leaving takes
	 * Ctrl-X Ctrl-Q. Signals sent from outside are still caught. */
	if (desk_keys)
		raw();
	else
		cbreak();
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

/* The web addresses page ---------------------------------------------------- */

/* Whether the terminal is known to make OSC 8 hyperlinks clickable. Only
 * terminals that say who they are and are known to: a terminal that does
 * not know the sequence may print it, and tmux or screen in between may
 * pass it to one that does not. Never where NO_COLOR asks for no escape
 * sequences beyond the plainest, nor on a dumb terminal. */
static bool hyperlinks_ok(void)
{
	const char *term = getenv("TERM"), *nc = getenv("NO_COLOR");
	if ((nc && *nc) || !term || !*term || strcmp(term, "dumb") == 0)
		return false;
	if (getenv("TMUX") || getenv("STY"))
		return false;
	const char *vte = getenv("VTE_VERSION"), *prog = getenv("TERM_PROGRAM");
	if (vte && atoi(vte) >= 5000) /* GNOME Terminal, Tilix and others since VTE 0.50 */
		return true;
	if (prog && (strcmp(prog, "iTerm.app") == 0 || strcmp(prog, "WezTerm") == 0 ||
	             strcmp(prog, "vscode") == 0 || strcmp(prog, "ghostty") == 0))
		return true;
	if (getenv("KITTY_WINDOW_ID") || getenv("WT_SESSION"))
		return true;
	return strcmp(term, "xterm-kitty") == 0 || strncmp(term, "foot", 4) == 0 ||
	       strcmp(term, "wezterm") == 0 || strcmp(term, "xterm-ghostty") == 0;
}

/* A label, wrapped at spaces to the window (an address is never wrapped by
 * us: the terminal does, and copies it whole). */
static void print_wrapped(const char *s)
{
	struct text_line *lines;
	size_t n = text_wrap(s, (size_t)(COLS > 1 ? COLS - 1 : 1), &lines);
	for (size_t i = 0; i < n; i++)
		fprintf(tty_out, "%.*s\r\n", (int)lines[i].len, s + lines[i].off);
	free(lines);
}

/* How many rows text of that width takes when the terminal wraps it. */
static int rows_of(size_t width)
{
	int cols = COLS > 0 ? COLS : 80;
	return width == 0 ? 1 : (int)((width + (size_t)cols - 1) / (size_t)cols);
}

/* One page of the addresses, from link *at, as many as fit above the last
 * row; returns the first link not shown. Written straight to the terminal,
 * not through curses: curses places every line itself, so a line wider
 * than the window would come out broken in two, and copied as two; written
 * as one line, the terminal wraps it and copies it whole. */
static size_t links_page(const struct ui_link *k, size_t n, size_t at, const char *title,
                         const char *lang, bool osc8, bool ascii)
{
	put_cap(tigetstr("clear"));
	fprintf(tty_out, "%s\r\n\r\n", title);
	int used = rows_of(text_width(title)) + 1;
	size_t i = at;
	for (; i < n; i++) {
		struct text_line *lines;
		int need = (int)text_wrap(k[i].label, (size_t)(COLS > 1 ? COLS - 1 : 1), &lines) +
		           rows_of(text_width(k[i].url)) + 1;
		free(lines);
		if (i > at && used + need > LINES - 1)
			break;
		print_wrapped(k[i].label);
		if (osc8 && ui_link_safe(k[i].url))
			fprintf(tty_out, "\033]8;;%s\033\\%s\033]8;;\033\\\r\n\r\n", k[i].url, k[i].url);
		else
			fprintf(tty_out, "%s\r\n\r\n", k[i].url);
		used += need;
	}
	char *foot = text_sanitize(msg(lang, i < n ? M_UI_LINKS_MORE : M_UI_LINKS_BACK), false, ascii);
	fputs(foot, tty_out);
	free(foot);
	fflush(tty_out);
	return i;
}

static int read_key(void);

/* Milliseconds on a clock that never jumps (the idle time of desk mode). */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Shows the addresses of the remedy on screen, page by page, until the
 * user goes back. Returns UI_QUICK_EXIT for F12 (at a desk: UI_WIPED, the
 * answers erased), else UI_GO_ON; the caller repaints the whole screen. At
 * a desk it also gives way once no key came for the idle time (*last is
 * the time of the last key, kept up to date here), so the countdown and
 * the wipe still come. */
static enum ui_outcome show_links(struct ui_state *u, const struct look *t, long long *last)
{
	long long limit = (long long)ui_state_idle_limit(u) * 1000;
	struct view v = ui_state_view(u);
	struct ui_link *k;
	size_t n = ui_links(&v, &k);
	enum ui_outcome out = UI_GO_ON;
	if (!n)
		return out;
	const char *lang = ui_state_lang(u);
	char *title = text_sanitize(msg(lang, M_UI_LINKS_TITLE), false, t->ascii);
	bool osc8 = hyperlinks_ok();
	size_t at = 0, next = links_page(k, n, at, title, lang, osc8, t->ascii);
	while (!got_signal) {
		if (limit && now_ms() - *last >= limit)
			break;
		int key = read_key();
		if (key == K_NONE)
			continue;
		*last = now_ms();
		if (key == K_F12) {
			out = limit ? ui_state_wipe(u) : UI_QUICK_EXIT;
			break;
		}
		if (key == K_RESIZE) { /* the same page again, at the new size */
			next = links_page(k, n, at, title, lang, osc8, t->ascii);
			continue;
		}
		bool more = key == K_ENTER || key == ' ' || key == K_PGDN || key == K_DOWN;
		if (more && next < n) {
			at = next;
			next = links_page(k, n, at, title, lang, osc8, t->ascii);
		} else if (more || key == K_ESC || key == 'q' || key == 'o' || key == K_LEFT ||
		           key == K_BACKSPACE || key == 'b') {
			break;
		}
	}
	free(title);
	ui_links_free(k, n);
	clearok(curscr, TRUE);
	return out;
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
		default: return K_IGNORED;
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
	case 0x18: return K_CTRL_X;
	case 0x11: return K_CTRL_Q;
	default: break;
	}
	if (ch < 0x20 || ch >= 0x110000)
		return K_IGNORED;
	return (int)ch;
}

/* Desk mode's wipe of the terminal: the screen is cleared on the next paint
 * (clearok), the scrollback with E3 or the ECMA-48 "erase saved lines"
 * (xterm, tmux, VTE; ignored where unknown), and the window title, which a
 * shell or an earlier program may have set to something personal, is
 * emptied where the terminal has a title (tsl/fsl, or xterm's XT). */
static void wipe_terminal(void)
{
	werase(stdscr);
	wnoutrefresh(stdscr);
	doupdate();
	clearok(curscr, TRUE);
	const char *e3 = tigetstr("E3");
	const char *clear = tigetstr("clear");
	if (e3 && e3 != (char *)-1)
		put_cap(e3);
	else if (clear && clear != (char *)-1 && clear[0] == '\033' && clear[1] == '[')
		fputs("\033[3J", tty_out);
	const char *tsl = tigetstr("tsl"), *fsl = tigetstr("fsl");
	if (tsl && tsl != (char *)-1 && fsl && fsl != (char *)-1) {
		put_cap(tsl);
		put_cap(fsl);
	} else if (tigetflag("XT") > 0) {
		/* xterm's descriptions have no tsl, but XT says it takes OSC 2. */
		fputs("\033]2;\007", tty_out);
	}
	fflush(tty_out);
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
	desk_keys = o->desk;
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
	/* Desk mode: after `limit` seconds without a key, a countdown of
	 * `warn` seconds, then the wipe. */
	long long limit = (long long)ui_state_idle_limit(u) * 1000;
	long long warn = limit < DESK_COUNTDOWN * 1000LL ? limit : DESK_COUNTDOWN * 1000LL;
	long long last = now_ms();
	while (out == UI_GO_ON) {
		if (got_signal) {
			status = 128 + got_signal;
			break;
		}
		if (limit) {
			long long idle = now_ms() - last;
			if (ui_state_pristine(u)) {
				last = now_ms(); /* nothing to erase: no countdown */
			} else if (idle >= limit + warn) {
				out = ui_state_wipe(u);
			} else if (idle >= limit) {
				int left = (int)((limit + warn - idle + 999) / 1000);
				ui_state_countdown(u, left);
				dirty = true;
			}
		}
		if (out == UI_WIPED) {
			wipe_terminal();
			out = UI_GO_ON;
			last = now_ms();
			dirty = true;
		}
		if (dirty) {
			lay = ui_turn_draw(u, lay, COLS, LINES);
			paint(&t, lay);
		}
		dirty = false;
		int key = read_key();
		if (key == K_NONE)
			continue;
		dirty = true;
		if (key == K_RESIZE)
			continue;
		last = now_ms();
		if (ui_state_counting_down(u)) {
			/* "Press any key to stay": that key only stays. */
			ui_state_countdown(u, 0);
			continue;
		}
		if (key == K_IGNORED)
			continue;
		bool redraw = false;
		out = ui_turn_key(u, lay, key, &redraw);
		if (redraw)
			clearok(curscr, TRUE);
		if (out == UI_LINKS)
			out = show_links(u, &t, &last);
		if (out == UI_WIPED) {
			wipe_terminal();
			out = UI_GO_ON;
		}
	}
	/* At a desk, whatever ends the program leaves nothing on the screen. */
	teardown(out == UI_QUICK_EXIT || o->desk);
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
