/*
 * log.h - structured log lines (one JSON object per line) on stderr.
 */
#ifndef KKB_GW_LOG_H
#define KKB_GW_LOG_H

#include <jansson.h>

/*
 * Write one line: {"ts":..., "level":..., "msg":..., <fields>}.
 * `fields` may be NULL; it is consumed (its reference is stolen).
 * Thread-safe: each line is written with a single write(2).
 */
void		gw_log(const char *level, const char *msg, json_t *fields);

#endif
