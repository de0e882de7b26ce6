/* SPDX-License-Identifier: MIT */
/* `remedies po export` and `remedies po import`: the guide, its scenarios
 * and the program's messages as a gettext PO file for translators, and back. */
#include "cmd_po.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/diag.h"
#include "core/fileio.h"
#include "core/guide.h"
#include "core/guide_load.h"
#include "core/lang.h"
#include "core/msg.h"
#include "core/po.h"
#include "core/po_import.h"
#include "core/text.h"
#include "core/util.h"
#include "cli/usage.h"
#include "cmd_common.h"

/* The files a translation covers: the guide, the program's messages
 * (guide/messages.yaml beside the guide, else the copy built in, which can
 * be exported but not written) and the scenarios beside the guide. */
struct po_set {
	struct po_file *f;
	char **path;     /* NULL for the built-in messages */
	char **data;
	size_t n, cap;
};

static bool po_set_add(struct po_set *ps, const char *path, const char *name, bool messages,
                       bool required)
{
	struct diags d = {0};
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		if (required)
			fprintf(stderr, "remedies: %s: %s\n", path, strerror(errno));
		return false;
	}
	struct buf b = {0};
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, got);
	bool err = ferror(fp);
	fclose(fp);
	diags_free(&d);
	if (err) {
		fprintf(stderr, "remedies: %s: cannot be read\n", path);
		buf_free(&b);
		return false;
	}
	size_t len = b.len;
	char *data = b.s ? buf_take(&b) : xstrdup("");
	size_t k = ps->n;
	VEC_PUSH(ps->f, ps->n, ps->cap);
	ps->path = xreallocarray(ps->path, ps->n, sizeof *ps->path);
	ps->data = xreallocarray(ps->data, ps->n, sizeof *ps->data);
	ps->path[k] = xstrdup(path);
	ps->data[k] = data;
	ps->f[k] = (struct po_file){.name = xstrdup(name), .data = data, .len = len,
	                            .messages = messages};
	return true;
}

static void po_set_free(struct po_set *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free((char *)ps->f[i].name);
		free(ps->f[i].out);
		free(ps->path[i]);
		free(ps->data[i]);
	}
	free(ps->f);
	free(ps->path);
	free(ps->data);
}

static bool po_set_open(struct po_set *ps, const char *guide_path, bool builtin_messages)
{
	memset(ps, 0, sizeof *ps);
	const char *base = strrchr(guide_path, '/') ? strrchr(guide_path, '/') + 1 : guide_path;
	if (!po_set_add(ps, guide_path, base, false, true))
		return false;
	char *dir = xstrdup(guide_path);
	char *slash = strrchr(dir, '/');
	char *mpath = slash ? (slash[1] = '\0', xasprintf("%smessages.yaml", dir))
	                    : xstrdup("messages.yaml");
	if (!po_set_add(ps, mpath, "messages.yaml", true, false) && builtin_messages) {
		size_t len;
		char *text = msg_source_text(&len);
		size_t k = ps->n;
		VEC_PUSH(ps->f, ps->n, ps->cap);
		ps->path = xreallocarray(ps->path, ps->n, sizeof *ps->path);
		ps->data = xreallocarray(ps->data, ps->n, sizeof *ps->data);
		ps->path[k] = NULL;
		ps->data[k] = text;
		ps->f[k] = (struct po_file){.name = xstrdup("messages.yaml"), .data = text, .len = len,
		                            .messages = true};
	}
	free(mpath);
	free(dir);
	char **files;
	size_t n = cmd_scenario_files(guide_path, &files);
	for (size_t i = 0; i < n; i++) {
		char *name = xasprintf("scenarios/%s", strrchr(files[i], '/') + 1);
		po_set_add(ps, files[i], name, false, true);
		free(name);
		free(files[i]);
	}
	free(files);
	return true;
}

/* `remedies po export --lang CODE [-o FILE] [GUIDE]` and
 * `remedies po import FILE [GUIDE]`. */
int cmd_po(const char *sub, const char *arg, const char *guide_path, const char *lang_opt,
           const char *output, bool force, bool stamp)
{
	bool export = strcmp(sub, "export") == 0;
	if (!export && strcmp(sub, "import") != 0) {
		char *safe = text_sanitize(sub, false, true);
		fprintf(stderr, "remedies: po %s: unknown; 'po export' or 'po import'\n", safe);
		free(safe);
		return usage_error();
	}
	if (export && !lang_opt) {
		fputs("remedies: po export needs --lang CODE, the language to translate into\n", stderr);
		return usage_error();
	}
	if (!export && !arg) {
		fputs("remedies: po import needs the PO FILE to read\n", stderr);
		return usage_error();
	}
	const char *gpath = export ? (arg ? arg : guide_path) : guide_path;
	struct guide *g = cmd_load_guide(gpath);
	if (!g)
		return 1;
	char code[LANG_CODE_SIZE];
	if (export && !lang_from_locale(lang_opt, code)) {
		char *safe = text_sanitize(lang_opt, false, true);
		fprintf(stderr, "remedies: '%s' is not a language code such as 'pt' or 'es'\n", safe);
		free(safe);
		guide_free(g);
		return EXIT_USAGE;
	}
	char *project = xasprintf("remedies guide %s %s", g->id, g->version);
	struct po_meta meta = {.lang = export ? code : NULL, .langs = g->languages,
	                       .nlangs = g->nlanguages, .project = project, .date = g->reviewed,
	                       .stamp = stamp};
	struct po_set ps;
	struct po_stats st;
	struct diags d = {0};
	int rc = 1;
	if (!po_set_open(&ps, gpath, true)) {
		free(project);
		guide_free(g);
		return 1;
	}
	if (export) {
		char *text = po_export(ps.f, ps.n, &meta, &st, &d);
		cmd_print_diags(&d, true, "");
		if (text) {
			rc = cmd_write_output(output, text, force);
			if (rc == 0)
				fprintf(stderr, "remedies: %zu texts for '%s': %zu translated, %zu fuzzy "
				        "(stale), %zu to do\n", st.entries, code, st.translated, st.fuzzy,
				        st.entries - st.translated);
		}
		free(text);
	} else {
		struct po_set po;
		char *lang = NULL;
		memset(&po, 0, sizeof po);
		if (po_set_add(&po, arg, arg, false, true) &&
		    po_import(po.f[0].data, po.f[0].len, arg, ps.f, ps.n, ps.f[0].name, &meta, &lang,
		              &st, &d)) {
			rc = 0;
			for (size_t i = 0; i < ps.n; i++) {
				if (!ps.f[i].out)
					continue;
				if (!ps.path[i]) {
					fputs("remedies: messages.yaml is not beside the guide: the program's own "
					      "words are imported in a source tree (guide/messages.yaml)\n", stderr);
					rc = 1;
					continue;
				}
				/* The file keeps its mode: it is the project's, not personal data. */
				struct stat sb;
				bool had = stat(ps.path[i], &sb) == 0;
				struct diags wd = {0};
				if (fileio_write(ps.path[i], ps.f[i].out, ps.f[i].out_len, true, &wd) !=
				    FILEIO_OK)
					rc = 1;
				else if (had)
					chmod(ps.path[i], sb.st_mode & 07777);
				cmd_print_diags(&wd, false, "remedies: ");
				diags_free(&wd);
			}
			cmd_print_diags(&d, true, "");
			if (d.errors)
				rc = 1;
			printf("%zu entries for '%s': %zu translations written, %zu fuzzy skipped, "
			       "%zu unknown\n", st.entries, lang, st.changed, st.fuzzy, st.unknown);
		} else {
			cmd_print_diags(&d, true, "");
		}
		free(lang);
		po_set_free(&po);
	}
	diags_free(&d);
	po_set_free(&ps);
	free(project);
	guide_free(g);
	return rc;
}
