/*
 * routes.h - handlers, one file per resource (h_*.c), listed in routes.c.
 */
#ifndef KKB_GW_ROUTES_H
#define KKB_GW_ROUTES_H

#include "http.h"

/* h_health.c */
void		h_health(gw_request *req);

/* h_wilayah.c: the region reference */
void		h_wilayah_daftar(gw_request *req);
void		h_wilayah_satu(gw_request *req);

/* h_desa.c: villages and what is computed for them */
void		h_desa_daftar(gw_request *req);
void		h_desa_satu(gw_request *req);
void		h_desa_profil(gw_request *req);
void		h_desa_klasifikasi(gw_request *req);
void		h_desa_validasi(gw_request *req);
void		h_desa_risiko(gw_request *req);

/* h_laporan.c: village data entry */
void		h_profil_kampung_put(gw_request *req);
void		h_penduduk_put(gw_request *req);
void		h_kkbpk_put(gw_request *req);
void		h_nilai_put(gw_request *req);
void		h_profil_kampung_get(gw_request *req);
void		h_penduduk_get(gw_request *req);
void		h_kkbpk_get(gw_request *req);
void		h_nilai_get(gw_request *req);
void		h_intervensi_post(gw_request *req);
void		h_intervensi_daftar(gw_request *req);

/* h_periode.c: the month's workflow */
void		h_periode_status(gw_request *req);
void		h_periode_ajukan(gw_request *req);
void		h_periode_setujui(gw_request *req);
void		h_periode_kunci(gw_request *req);
void		h_periode_buka(gw_request *req);

/* h_agensi.c: agencies and the province */
void		h_prioritas(gw_request *req);
void		h_klasifikasi_daftar(gw_request *req);
void		h_ringkasan(gw_request *req);

/* h_sinkron.c: by-name bulk sync (JSON array or CSV) */
void		h_sinkron_keluarga(gw_request *req);
void		h_sinkron_anggota(gw_request *req);
void		h_sinkron_pengukuran(gw_request *req);
void		h_sinkron_peristiwa(gw_request *req);

/* h_saya.c: who the token says the caller is */
void		h_saya(gw_request *req);

/* h_web.c: the web dashboard's embedded files */
void		h_web_index(gw_request *req);
void		h_web_aset(gw_request *req);

/* h_meta.c: the API's own description and its counters */
void		h_openapi(gw_request *req);
void		h_metrics(gw_request *req);

#endif
