/*
 * log.c - one JSON object per line on stderr, written atomically.
 */
#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void
gw_log(const char *level, const char *msg, json_t *fields)
{
	json_t	   *line = json_object();
	struct timespec ts;
	struct tm	tm;
	char		stamp[80];
	char	   *text;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			 ts.tv_nsec / 1000000);
	json_object_set_new(line, "ts", json_string(stamp));
	json_object_set_new(line, "level", json_string(level));
	json_object_set_new(line, "msg", json_string(msg));
	if (fields)
	{
		json_object_update(line, fields);
		json_decref(fields);
	}
	text = json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(6));
	if (text)
	{
		size_t		n = strlen(text);
		char	   *buf = malloc(n + 1);

		if (buf)
		{
			memcpy(buf, text, n);
			buf[n] = '\n';
			if (write(STDERR_FILENO, buf, n + 1) < 0)
			{
				/* nowhere left to report a failed log write */
			}
			free(buf);
		}
		free(text);
	}
	json_decref(line);
}
