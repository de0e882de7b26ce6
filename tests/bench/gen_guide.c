/* SPDX-License-Identifier: MIT */
/* Writes a synthetic guide of N nodes in the real format, with realistic
 * two-language text, for the benchmark. Node i is a question whose choices
 * lead to i+1, i+2 and i+3 (or to one of the results at the end); every
 * tenth is an info screen, every fiftieth a multi-select; a third of the
 * questions also lead straight to a result. Also writes, with
 * -a FILE, an answers file that walks the longest path (about N steps).
 * usage: gen_guide N [-a ANSWERS] > guide.yaml */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *en[] = {
	"Did an officer take a photo of your face when you arrived at the airport?",
	"Were your fingerprints scanned at the border crossing or at a port of entry?",
	"Did anyone look through your phone, laptop or other device during inspection?",
	"Have you already asked the agency for a copy of your records about this event?",
};
static const char *es[] = {
	"¿Un agente le tomó una foto de la cara cuando llegó al aeropuerto?",
	"¿Le escanearon las huellas digitales en el cruce fronterizo o en un puerto de entrada?",
	"¿Alguien revisó su teléfono, computadora u otro aparato durante la inspección?",
	"¿Ya pidió a la agencia una copia de sus registros sobre lo que pasó?",
};

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	long n = atol(argv[1]);
	const char *answers = argc == 4 && strcmp(argv[2], "-a") == 0 ? argv[3] : NULL;
	if (n < 20)
		n = 20;
	long results = n / 20 + 1, questions = n - results;
	printf("guide:\n  id: bench\n  title: {en: \"Benchmark guide\", es: \"Guía de prueba\"}\n"
	       "  version: \"1\"\n  reviewed: \"2026-11-27\"\n  languages: [en, es]\n  start: n0\n"
	       "paths:\n  - id: records\n    title: {en: \"Records\", es: \"Registros\"}\n"
	       "nodes:\n");
	FILE *a = answers ? fopen(answers, "w") : NULL;
	if (a)
		fprintf(a, "guide: bench\nversion: \"1\"\nanswers:\n");
	for (long i = 0; i < questions; i++) {
		const char *kind = i % 10 == 9 ? "info" : i % 50 == 25 ? "multi" : "question";
		printf("  - id: n%ld\n    kind: %s\n    section: {en: \"Part %ld\", es: \"Parte %ld\"}\n"
		       "    text: {en: \"%s\", es: \"%s\"}\n", i, kind, i / 100, i / 100, en[i % 4], es[i % 4]);
		if (strcmp(kind, "info") == 0) {
			printf("    next: n%ld\n", i + 1 < questions ? i + 1 : questions + i % results);
			continue;
		}
		printf("    help: {en: \"%s\", es: \"%s\"}\n",
		       i % 3 ? "You can go back and change it." : "Answer as best you can; you can go "
		       "back and change it later.", i % 3 ? "Puede volver y cambiarla." :
		       "Responda lo mejor que pueda; puede volver y cambiarla después.");
		printf("    choices:\n");
		for (int c = 1; c <= 3; c++) {
			long next = i + c < questions ? i + c : questions + (i + c) % results;
			if (c == 3 && i % 3 == 0)
				next = questions + (i / 3) % results; /* every result is reached */
			printf("      - id: c%d\n        label: {en: \"Option %d\", es: \"Opción %d\"}\n"
			       "        set: {f%ld: \"v%d\"}\n        next: n%ld\n", c, c, c, i % 16, c, next);
		}
		if (a && strcmp(kind, "info") != 0)
			fprintf(a, "  - node: n%ld\n    choice: %s\n", i, strcmp(kind, "multi") == 0 ? "[c1]" : "c1");
	}
	for (long r = 0; r < results; r++)
		printf("  - id: n%ld\n    kind: result\n    text: {en: \"Result %ld\", es: \"Resultado %ld\"}\n"
		       "    remedies: [r%ld]\n", questions + r, r, r, r % 50);
	printf("remedies:\n");
	for (long r = 0; r < 50 && r < results; r++)
		printf("  - id: r%ld\n    path: records\n    title: {en: \"Remedy %ld\", es: \"Recurso %ld\"}\n"
		       "    summary: {en: \"Ask for the records\", es: \"Pida los registros\"}\n"
		       "    who: {en: \"Anyone\", es: \"Cualquier persona\"}\n"
		       "    steps: [{en: \"Write a letter\", es: \"Escriba una carta\"}]\n"
		       "    deadlines: [{text: {en: \"%ld days\", es: \"%ld días\"}, days: %ld}]\n"
		       "    limits: [{en: \"It does not delete records\", es: \"No borra registros\"}]\n"
		       "    where: [{name: {en: \"The agency\", es: \"La agencia\"}, url: \"https://example.org/%ld\"}]\n"
		       "    citations: [c0]\n", r, r, r, 10 + r, 10 + r, 10 + r, r);
	printf("citations:\n  - id: c0\n    cite: \"5 U.S.C. § 552(a)(3)(A)\"\n"
	       "    title: {en: \"Any person may ask\", es: \"Cualquier persona puede pedir\"}\n"
	       "    url: https://www.law.cornell.edu/uscode/text/5/552\n    verified: \"2026-11-27\"\n"
	       "    source: \"benchmark\"\n");
	if (a)
		fclose(a);
	return 0;
}
