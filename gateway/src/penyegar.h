/*
 * penyegar.h - the refresher of the stored monthly indicators.
 *
 * Every statement that changes a village's rows announces the village on
 * channel kkb_indikator when its transaction commits (kkb._versi, the change
 * counters' trigger), whoever wrote it: this gateway, a direct SQL login, a
 * bulk load.  One thread of the gateway LISTENs on a connection of its own,
 * collects the villages announced, waits until the writes pause (a second
 * without a new one, at most 10 seconds after the first), and then recomputes
 * each village's stored monthly indicators (kkb.indikator_bulanan) for the
 * last --refresh-months months, one transaction per month as kkb_admin
 * (kkb.indikator_segarkan: only what is stale is recomputed).  So the writer never
 * waits for it, and the next reader of a roll-up, a trend or a village page
 * finds the figures stored.  Announcements do not cover everything: those made
 * while the connection was lost are not replayed, and on a Citus cluster the
 * trigger runs on the workers, whose NOTIFY reaches no listener of the
 * coordinator.  So the thread also sweeps for villages whose stored rows are
 * older than their data (kkb._indikator_basi) - after each (re)connection and
 * then every minute, every 5 seconds on a Citus cluster - and refreshes them
 * the same way.  The transactions carry the gateway's nationwide scope
 * (kkb._sesi_atur), signed for a cluster's workers.
 */
#ifndef KKB_GW_PENYEGAR_H
#define KKB_GW_PENYEGAR_H

/* Start the thread (months 0: none is started).  0 on success, -1 (logged) on failure. */
int			gw_penyegar_start(int months);

/* Stop it and wait for it (at shutdown). */
void		gw_penyegar_stop(void);

/* Village-months recomputed since the start, villages waiting now (for /metrics). */
unsigned long gw_penyegar_done(void);
int			gw_penyegar_waiting(void);

#endif
