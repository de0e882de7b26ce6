#include "msg.h"

#include <string.h>

struct msg_row {
	const char *en, *es;
};

static const struct msg_row rows[M_COUNT] = {
	[M_DISCLAIMER] = {"This is legal information, not legal advice. Talk to a lawyer or an accredited representative about your own case.",
	                  "Esto es información legal, no asesoría legal. Hable con un abogado o un representante acreditado sobre su caso."},
	[M_PRIVACY] = {"Nothing you answer is saved or sent anywhere unless you choose to save it.",
	               "Nada de lo que responda se guarda ni se envía a ningún lado, salvo que usted decida guardarlo."},
	[M_STEP] = {"Step", "Paso"},
	[M_CHOOSE_ONE] = {"Type the number of your answer", "Escriba el número de su respuesta"},
	[M_CHOOSE_MANY] = {"Type the numbers of all that apply, separated by spaces",
	                   "Escriba los números de todas las que correspondan, separados por espacios"},
	[M_CONTINUE] = {"Press Enter to continue", "Pulse Intro para continuar"},
	[M_PLAIN_KEYS] = {"? help, b back, r restart, q quit", "? ayuda, b atrás, r empezar de nuevo, q salir"},
	[M_NO_HELP] = {"There is no extra help for this question.", "No hay más ayuda para esta pregunta."},
	[M_NOT_A_CHOICE] = {"That is not one of the choices. Please try again.",
	                    "Esa no es una de las opciones. Inténtelo de nuevo."},
	[M_AT_START] = {"This is the first question.", "Esta es la primera pregunta."},
	[M_RESTARTED] = {"Starting again from the first question.", "Empezamos de nuevo desde la primera pregunta."},
	[M_RESULTS] = {"Possible remedies", "Posibles recursos"},
	[M_NO_RESULTS] = {"No remedy in this guide fits these answers.", "Ningún recurso de esta guía corresponde a estas respuestas."},
	[M_WHO] = {"Who can use it", "Quién puede usarlo"},
	[M_SUMMARY] = {"In short", "En resumen"},
	[M_DEADLINES] = {"Deadlines", "Plazos"},
	[M_STEPS] = {"Steps", "Pasos"},
	[M_NEED] = {"What you need", "Qué necesita"},
	[M_LIMITS] = {"What will not work, and why", "Lo que no funcionará, y por qué"},
	[M_WHERE] = {"Where to file", "Dónde presentarlo"},
	[M_CITATIONS] = {"Citations", "Citas legales"},
	[M_RULED_OUT] = {"Ruled out by your answers", "Descartado por sus respuestas"},
	[M_RULED_OUT_BY] = {"because you answered", "porque respondió"},
	[M_RULED_OUT_COND] = {"because of your earlier answers", "por sus respuestas anteriores"},
	[M_GET_HELP] = {"Free legal help: ask a nonprofit legal aid office or an accredited representative near you.",
	                "Ayuda legal gratuita: consulte a una organización sin fines de lucro de asistencia legal o a un representante acreditado cerca de usted."},
	[M_VERIFIED] = {"verified", "verificado"},
	[M_INPUT_ENDED] = {"input ended before the last question; nothing was saved",
	                   "la entrada terminó antes de la última pregunta; no se guardó nada"},
	[M_BYE] = {"Goodbye. Nothing was saved.", "Adiós. No se guardó nada."},
};

const char *msg(const char *lang, enum msg_id id)
{
	if (id < 0 || id >= M_COUNT)
		return "";
	const struct msg_row *r = &rows[id];
	if (lang && strcmp(lang, "es") == 0 && r->es)
		return r->es;
	return r->en ? r->en : "";
}

int msg_has_language(const char *lang)
{
	return lang && (strcmp(lang, "en") == 0 || strcmp(lang, "es") == 0);
}
